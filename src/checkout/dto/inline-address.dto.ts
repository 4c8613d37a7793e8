import { AddressFieldsDto } from '../../customers/dto/address.dto';

/**
 * The address an order ships to, sent with the checkout instead of an address-book id: the address
 * book's fields and rules (its own schema name in the document).
 */
export class InlineAddressDto extends AddressFieldsDto {}
