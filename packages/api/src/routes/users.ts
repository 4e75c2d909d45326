import {
  endAgeMessage,
  type User,
  UserUpdateRequest,
  VARCHAR_LENGTH,
  type ValidationIssue,
} from '@alex/contracts';
import type { UserInput } from '@alex/database';
import { Hono } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env';
import { camelKeys } from '../camel-keys';
import { userRow } from '../response-rows';
import type { VerifiedToken } from '../token-verifier';
import { found, jsonBody } from '../validation';

// Control characters (PostgreSQL text cannot hold NUL) and lone surrogates (no UTF-8 form), by code point.
const UNSTORABLE = /[\p{Cc}\p{Cs}]/gu;

// A token's name or email as display_name text: storable, at most varchar(255)'s code points, else undefined.
function storableName(value: string | undefined): string | undefined {
  const cleaned = value?.replace(UNSTORABLE, '').trim();
  return cleaned ? [...cleaned].slice(0, VARCHAR_LENGTH.displayName).join('').trim() : undefined;
}

// A new user's profile (reference §5): named from the token, 20 years to go, 60,000 a year, 70/30 and 50/50.
function newUser(token: VerifiedToken): UserInput {
  const name = storableName(token.name) ?? storableName(token.email?.split('@')[0]) ?? 'New User';
  return {
    clerkUserId: token.sub,
    displayName: name,
    yearsUntilRetirement: 20,
    targetRetirementIncome: 60_000,
    assetClassTargets: { equity: 70, fixed_income: 30 },
    regionTargets: { north_america: 50, international: 50 },
  };
}

/**
 * Why the update cannot apply to the stored profile, as a 422 issue, or null: the end age a partial update
 * leaves must stay above the current age it leaves (a body with both was checked by its schema).
 */
function endAgeConflict(user: User, body: UserUpdateRequest): ValidationIssue | null {
  const endAge = body.end_age === undefined ? user.endAge : body.end_age;
  const currentAge = body.current_age === undefined ? user.currentAge : body.current_age;
  if (endAge === null || currentAge === null || endAge > currentAge) return null;
  const field = body.end_age === undefined ? 'current_age' : 'end_age';
  return { loc: ['body', field], msg: endAgeMessage(endAge, currentAge), type: 'custom' };
}

/** `GET /api/user` (created on the first call) and `PUT /api/user`. */
export function usersRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user, created } = await deps.repos.users.findOrCreate(newUser(c.get('token')));
      return c.json({ user: userRow(user), created });
    })
    .put('/', ...jsonBody(UserUpdateRequest), async (c) => {
      const body = c.req.valid('json');
      if (body.end_age !== undefined || body.current_age !== undefined) {
        const stored = found(await deps.repos.users.find(c.get('userId')), 'User');
        const conflict = endAgeConflict(stored, body);
        if (conflict) return c.json({ detail: [conflict] }, 422);
      }
      const user = await deps.repos.users.update(c.get('userId'), camelKeys(body));
      return c.json(userRow(found(user, 'User')));
    });
}
