import 'reflect-metadata';
import { bootstrap } from './bootstrap/bootstrap';

// Everything else (config, dev PostgreSQL, migrations, start-up tasks, HTTP, shutdown) is in src/bootstrap.
void bootstrap();
