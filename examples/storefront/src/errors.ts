import { CommerceApiError } from '../../../clients/typescript/src/index.js';
import { h } from './dom.js';

/** An error box: the API's message, its `code` and the request id to quote when asking for help. */
export function errorBox(error: unknown): HTMLElement {
  if (error instanceof CommerceApiError) {
    return h(
      'div',
      { class: 'error', role: 'alert', 'data-testid': 'error', 'data-code': error.code },
      h('strong', {}, error.message),
      h(
        'small',
        {},
        ` ${error.code ?? `HTTP ${error.status}`}${error.requestId ? ` · request ${error.requestId}` : ''}`,
      ),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, h('strong', {}, message));
}
