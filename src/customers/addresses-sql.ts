import { PreparedSqlStatement } from '../common/sql-statement';

/** The address-book entry `id` if it is the user's own, with the Address entity's property names. */
export function ownedAddressStatement(userId: string, id: string): PreparedSqlStatement {
  return {
    name: 'address_owned',
    text: `SELECT id, user_id AS "userId", full_name AS "fullName", phone, address_line1 AS "addressLine1",
              address_line2 AS "addressLine2", city, state, postal_code AS "postalCode", country,
              is_default AS "isDefault", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM addresses WHERE id = $1 AND user_id = $2`,
    values: [id, userId],
  };
}
