import {
  Check,
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
import { Profile } from '../../auth/entities/profile.entity';
import { TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';
import { CartItem } from './cart-item.entity';

/** A cart in one store, owned by a customer (user_id) or a guest (session_id). */
@Entity('carts')
@Index('uq_carts_store_user', ['storeId', 'userId'], { unique: true })
@Index('uq_carts_store_session', ['storeId', 'sessionId'], { unique: true })
@Index('idx_carts_user', ['userId'])
@Index('idx_carts_session', ['sessionId'])
@Check('chk_carts_owner', `"user_id" IS NOT NULL OR "session_id" IS NOT NULL`)
export class Cart {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_carts_store' })
  store: Store;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_carts_user' })
  user: Profile | null;

  /** Opaque guest session id (the X-Cart-Session header). */
  @Column({ type: 'text', nullable: true })
  sessionId: string | null;

  @OneToMany(() => CartItem, (item) => item.cart)
  items: CartItem[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
