import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors';

export const staffNotFound = (): AppException =>
  new AppException(HttpStatus.NOT_FOUND, 'STAFF_NOT_FOUND', 'This admin is not on the store’s staff');

export const alreadyMember = (): AppException =>
  new AppException(HttpStatus.CONFLICT, 'ALREADY_MEMBER', 'This admin is already on the store’s staff');

/** A store that has an owner keeps one: the last owner can be neither removed nor demoted. */
export const lastOwner = (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    'LAST_OWNER',
    'The store’s last owner cannot be removed or demoted; make another member owner first',
  );
