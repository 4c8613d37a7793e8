import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Product } from '../../catalog/entities/product.entity';
import { ProductVariant } from '../../catalog/entities/product-variant.entity';
import { Money, MONEY_COLUMN } from '../../common/money';
import { TIMESTAMPTZ } from '../../database/sql';
import { Order } from './order.entity';

/** An order line: a snapshot of the product and variant as they were when the order was placed. */
@Entity('order_items')
@Index('idx_order_items_order_product', ['orderId', 'productId'])
@Index('idx_order_items_variant', ['variantId'])
@Check('chk_order_items_quantity', `"quantity" > 0`)
@Check('chk_order_items_prices', `"unit_price" >= 0 AND "total_price" >= 0`)
@Check(
  'chk_order_items_tax_discount',
  `"tax_rate" >= 0 AND "tax_amount" >= 0 AND "discount_amount" >= 0 AND "discount_amount" <= "total_price"`,
)
export class OrderItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => Order, (order) => order.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_order_items_order' })
  order: Order;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_order_items_product' })
  product: Product;

  @Column('uuid')
  variantId: string;

  @ManyToOne(() => ProductVariant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_order_items_variant' })
  variant: ProductVariant;

  @Column('text')
  productName: string;

  @Column('text')
  variantName: string;

  @Column('text')
  sku: string;

  @Column('integer')
  quantity: number;

  @Column(MONEY_COLUMN)
  unitPrice: Money;

  @Column(MONEY_COLUMN)
  totalPrice: Money;

  /** The line's tax rate in percent ("19.00"), picked by the destination and the product's tax class. */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  taxRate: string;

  /** Tax on this line, rounded half up on its own; the order's `taxAmount` is the sum of its lines'. */
  @Column({ ...MONEY_COLUMN, default: 0 })
  taxAmount: Money;

  /**
   * The line's share of the order's discount (largest remainder, so the lines add up to the order's
   * `discountAmount` exactly). Refundable amount of a line: totalPrice − discountAmount (+ taxAmount when
   * prices exclude tax).
   */
  @Column({ ...MONEY_COLUMN, default: 0 })
  discountAmount: Money;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
