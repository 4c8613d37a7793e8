import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';
import { Product } from './product.entity';

@Entity('product_images')
@Index('idx_product_images_product', ['productId'])
export class ProductImage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, (product) => product.images, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_product_images_product' })
  product: Product;

  @Column('text')
  imageUrl: string;

  @Column({ type: 'text', nullable: true })
  altText: string | null;

  @Column({ type: 'integer', default: 0 })
  displayOrder: number;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
