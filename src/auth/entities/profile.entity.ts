import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Address } from '../../customers/entities/address.entity';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { PROFILE_ROLES, ProfileRole } from '../auth.types';

/** A user account: customer or admin. Emails are unique case-insensitively (expression index). */
@Entity('profiles')
@Index('idx_profiles_role', ['role'])
@Index('idx_profiles_email', ['email'])
@Index('uq_profiles_email_lower', { synchronize: false })
@Check('chk_profiles_role', sqlIn('role', PROFILE_ROLES))
export class Profile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  /** argon2 hash; null for accounts imported from the legacy auth provider until they set a password. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', nullable: true })
  fullName: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', default: 'customer' })
  role: ProfileRole;

  @Column({ type: 'boolean', default: false })
  emailVerified: boolean;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;

  /** Set when the account was closed (DELETE /api/me): the row stays, anonymised, for its orders. */
  @Column({ ...TIMESTAMPTZ, nullable: true })
  deletedAt: Date | null;

  @OneToMany(() => Address, (address) => address.user)
  addresses: Address[];
}
