import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProductVariant } from '../../catalog/entities/product-variant.entity';
import { TIMESTAMPTZ } from '../../database/sql';
import { Cart } from './cart.entity';

@Entity('cart_items')
@Index('uq_cart_items_cart_variant', ['cartId', 'variantId'], { unique: true })
@Index('idx_cart_items_cart', ['cartId'])
@Index('idx_cart_items_variant', ['variantId'])
@Check('chk_cart_items_quantity', `"quantity" > 0`)
export class CartItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cartId: string;

  @ManyToOne(() => Cart, (cart) => cart.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cart_id', foreignKeyConstraintName: 'fk_cart_items_cart' })
  cart: Cart;

  @Column('uuid')
  variantId: string;

  @ManyToOne(() => ProductVariant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_cart_items_variant' })
  variant: ProductVariant;

  @Column('integer')
  quantity: number;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
