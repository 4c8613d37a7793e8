import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';
import { ProductTag } from './product-tag.entity';

@Entity('tags')
@Index('uq_tags_store_slug', ['storeId', 'slug'], { unique: true })
export class Tag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_tags_store' })
  store: Store;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  @OneToMany(() => ProductTag, (productTag) => productTag.tag)
  productTags: ProductTag[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
