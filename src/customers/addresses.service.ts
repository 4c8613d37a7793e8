import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { ownedAddressStatement } from './addresses-sql';
import { AddressView, CreateAddressDto, UpdateAddressDto } from './dto/address.dto';
import { Address } from './entities/address.entity';
import { queryStatement } from '../database/prepared-query';

/** The partial unique index (migration 0009) that allows at most one default address per user. */
export const ONE_DEFAULT_INDEX = 'uq_addresses_one_default';

export function toAddressView(address: Address): AddressView {
  return {
    id: address.id,
    fullName: address.fullName,
    phone: address.phone,
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: address.country,
    isDefault: address.isDefault,
    createdAt: address.createdAt.toISOString(),
    updatedAt: address.updatedAt.toISOString(),
  };
}

function addressNotFound(): AppException {
  // Also for another customer's address: nobody learns that it exists.
  return new AppException(HttpStatus.NOT_FOUND, 'ADDRESS_NOT_FOUND', 'Address not found');
}

/**
 * A customer's addresses. Exactly one of them is the default while there are any: the first becomes
 * it, a new default replaces the old in the same transaction, and deleting the default promotes the
 * newest remaining one. The database guarantees "at most one" (uq_addresses_one_default); a per-user
 * row lock serialises changes so that concurrent requests queue instead of failing on that index.
 */
@Injectable()
export class AddressesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Address) private readonly addresses: Repository<Address>,
    private readonly audit: AuditService,
  ) {}

  /** The user's address `id`, read in the caller's transaction; null when it is not theirs (or gone). */
  async findOwned(tx: EntityManager, userId: string, id: string): Promise<Address | null> {
    // Raw SQL rather than a repository call: every checkout runs it (the columns need no transformer).
    const statement = ownedAddressStatement(userId, id);
    const [row] = await queryStatement<Address>(tx, statement);
    return row ? Object.assign(new Address(), row) : null;
  }

  /** Default first, then newest. */
  async list(userId: string): Promise<AddressView[]> {
    const rows = await this.addresses.find({
      where: { userId },
      order: { isDefault: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toAddressView);
  }

  async create(userId: string, dto: CreateAddressDto, meta: RequestMeta): Promise<AddressView> {
    return this.inTransaction(async (tx) => {
      await lockAddressesOf(tx, userId);
      const repo = tx.getRepository(Address);
      const hasDefault = await repo.existsBy({ userId, isDefault: true });
      const isDefault = dto.isDefault === true || !hasDefault;
      if (isDefault && hasDefault) await repo.update({ userId, isDefault: true }, { isDefault: false });
      const address = await repo.save(
        repo.create({
          userId,
          fullName: dto.fullName,
          phone: dto.phone,
          addressLine1: dto.addressLine1,
          addressLine2: dto.addressLine2 ?? null,
          city: dto.city,
          state: dto.state,
          postalCode: dto.postalCode,
          country: dto.country,
          isDefault,
        }),
      );
      await this.audit.record(tx, meta, {
        action: 'address.create',
        entityType: 'address',
        entityId: address.id,
        details: { country: address.country, isDefault },
      });
      return toAddressView(address);
    });
  }

  async update(userId: string, id: string, dto: UpdateAddressDto, meta: RequestMeta): Promise<AddressView> {
    return this.inTransaction(async (tx) => {
      await lockAddressesOf(tx, userId);
      const repo = tx.getRepository(Address);
      const address = await repo.findOneBy({ id, userId });
      if (!address) throw addressNotFound();
      if (dto.isDefault === false && address.isDefault) {
        throw new AppException(
          HttpStatus.CONFLICT,
          'DEFAULT_ADDRESS_REQUIRED',
          'This is the default address: make another address the default instead',
        );
      }

      const changes: Partial<Address> = {};
      for (const key of EDITABLE_FIELDS) {
        const value = dto[key];
        if (value !== undefined) Object.assign(changes, { [key]: value });
      }
      if (dto.isDefault === true && !address.isDefault) {
        await repo.update({ userId, isDefault: true }, { isDefault: false });
        changes.isDefault = true;
      }
      const diff = changedFields(address, changes);
      if (Object.keys(diff).length === 0) return toAddressView(address);
      await repo.update({ id }, changes);
      await this.audit.record(tx, meta, {
        action: 'address.update',
        entityType: 'address',
        entityId: id,
        details: diff,
      });
      return toAddressView(await repo.findOneByOrFail({ id }));
    });
  }

  /** Orders that ship to it keep their own copy (migration 0018: the key is ON DELETE SET NULL). */
  async remove(userId: string, id: string, meta: RequestMeta): Promise<void> {
    await this.inTransaction(async (tx) => {
      await lockAddressesOf(tx, userId);
      const repo = tx.getRepository(Address);
      const address = await repo.findOneBy({ id, userId });
      if (!address) throw addressNotFound();
      await repo.delete({ id });
      let promotedId: string | null = null;
      if (address.isDefault) {
        const [promoted] = await tx.query<[Array<{ id: string }>, number]>(
          `UPDATE addresses SET is_default = TRUE
            WHERE id = (SELECT id FROM addresses WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)
            RETURNING id`,
          [userId],
        );
        promotedId = promoted[0]?.id ?? null;
      }
      await this.audit.record(tx, meta, {
        action: 'address.delete',
        entityType: 'address',
        entityId: id,
        details: { wasDefault: address.isDefault, newDefaultId: promotedId },
      });
    });
  }

  /**
   * Blanks every address of a closing account, in the closure's transaction (DELETE /api/me). The rows
   * stay, as orders may point at them; only the country is kept. Returns how many were anonymised.
   */
  async anonymiseAllOf(tx: EntityManager, userId: string): Promise<number> {
    const [, count] = await tx.query<[unknown[], number]>(
      `UPDATE addresses SET full_name = '', phone = '', address_line1 = '', address_line2 = NULL,
              city = '', state = '', postal_code = '', is_default = FALSE
        WHERE user_id = $1`,
      [userId],
    );
    return count;
  }

  /**
   * Runs `work` in a transaction (retried on deadlock or serialization failure) and turns the
   * database's verdicts into this module's codes.
   */
  private async inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.dataSource, work);
    } catch (error) {
      if (isUniqueViolation(error, ONE_DEFAULT_INDEX)) {
        // Only reachable if something bypassed the per-user lock; the client can simply retry.
        throw new AppException(
          HttpStatus.CONFLICT,
          'CONCURRENT_UPDATE',
          'The addresses changed meanwhile; retry',
        );
      }
      throw error;
    }
  }
}

const EDITABLE_FIELDS = [
  'fullName',
  'phone',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'country',
] as const satisfies ReadonlyArray<keyof UpdateAddressDto & keyof Address>;

/**
 * Serialises address changes per user (the profile row; NO KEY UPDATE so that inserts referencing the
 * profile are not blocked).
 */
async function lockAddressesOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM profiles WHERE id = $1 FOR NO KEY UPDATE`, [userId]);
}
