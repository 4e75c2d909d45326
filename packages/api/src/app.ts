import { MAX_API_BODY_BYTES } from '@alex/contracts';
import { describeError } from '@alex/errors';
import { systemClock } from '@alex/runtime';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ApiDeps, AppEnv } from './app-env';
import { authenticate } from './auth';
import { ApiError } from './errors';
import { openApiDocument } from './openapi';
import { DEFAULT_RATE_LIMIT, rateLimit } from './rate-limit';
import { accountsRoutes } from './routes/accounts';
import { analyzeRoutes } from './routes/analyze';
import { instrumentsRoutes } from './routes/instruments';
import { jobsRoutes } from './routes/jobs';
import { positionsRoutes } from './routes/positions';
import { testDataRoutes } from './routes/test-data';
import { usersRoutes } from './routes/users';

/** Builds the whole HTTP API from its ports; the Lambda handler and `alex serve` wrap the same app. */
export function createApp(deps: ApiDeps): Hono<AppEnv> {
  const clock = deps.clock ?? systemClock;
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use(
    '*',
    cors({
      origin: deps.corsOrigins,
      credentials: true,
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: (c) => c.json({ detail: `the request body is larger than ${MAX_API_BODY_BYTES} bytes` }, 413),
    }),
  );
  app.get('/health', (c) => c.json({ status: 'healthy', timestamp: clock.now().toISOString() }));
  const openApi = openApiDocument();
  app.get('/openapi.json', (c) => c.json(openApi));
  app.use('/api/*', authenticate(deps.verifyToken, deps.logger));
  if (deps.rateLimit !== false) app.use('/api/*', rateLimit(deps.rateLimit ?? DEFAULT_RATE_LIMIT, clock));
  app.route('/api/user', usersRoutes(deps));
  app.route('/api/accounts', accountsRoutes(deps));
  app.route('/api/positions', positionsRoutes(deps));
  app.route('/api/instruments', instrumentsRoutes(deps));
  app.route('/api/jobs', jobsRoutes(deps));
  app.route('/api/analyze', analyzeRoutes(deps));
  app.route('/api', testDataRoutes(deps));
  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ detail: error.message }, error.status);
    if (error instanceof HTTPException) return c.json({ detail: error.message }, error.status);
    // Only the error's name and first line: drivers append SQL and parameters (user data) on later lines.
    deps.logger.error('request failed', {
      requestId: c.get('requestId'),
      // Set once the token is verified; absent for a request that failed before that.
      userId: c.get('userId'),
      method: c.req.method,
      path: c.req.path,
      error: describeError(error),
    });
    return c.json({ detail: 'An unexpected error occurred.' }, 500);
  });
  return app;
}
