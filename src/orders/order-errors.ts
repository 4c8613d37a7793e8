import { AppException } from '../common/errors';

/** 404 ORDER_NOT_FOUND: an unknown order, and one the caller may not see (the same answer). */
export function orderNotFound(): AppException {
  return new AppException(404, 'ORDER_NOT_FOUND', 'Order not found');
}
