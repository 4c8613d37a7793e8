import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';
import { Product } from './product.entity';
import { Tag } from './tag.entity';

/** Product ↔ tag link. An explicit entity (not a hidden join table) so its keys and indexes are ours. */
@Entity('product_tags')
@Index('idx_product_tags_tag', ['tagId'])
export class ProductTag {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'product_tags_pkey' })
  productId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'product_tags_pkey' })
  tagId: string;

  @ManyToOne(() => Product, (product) => product.productTags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_product_tags_product' })
  product: Product;

  @ManyToOne(() => Tag, (tag) => tag.productTags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'fk_product_tags_tag' })
  tag: Tag;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
