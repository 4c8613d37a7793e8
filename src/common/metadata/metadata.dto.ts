import { IsDefined } from 'class-validator';
import { MetadataPatch } from './metadata';
import { MetadataInput } from './metadata.validator';

/**
 * `{ metadata }`, the body of a metadata-only PATCH (for orders and store customers:
 * `PATCH /admin/orders/:id`, `PATCH /admin/stores/:storeId/customers/:profileId`). Apply it with
 * applyMetadataPatch (metadata.sql.ts) in the route's transaction and audit `changes`.
 */
export class UpdateMetadataDto {
  @MetadataInput({ required: true })
  @IsDefined()
  metadata: MetadataPatch;
}
