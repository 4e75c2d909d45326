/** The oldest Node the CLI runs on (`engines` in the root package.json; `node:sqlite` and fauxqs need 22). */
const MINIMUM = { major: 22, minor: 12 } as const;

/**
 * Why this Node cannot run Alex, in one line with the way out, or null when it can. Checked before anything
 * else loads, so an old Node gets this line instead of a `No such built-in module: node:sqlite` crash.
 */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > MINIMUM.major || (major === MINIMUM.major && minor >= MINIMUM.minor)) return null;
  return (
    `Alex needs Node ${MINIMUM.major} or newer (${MINIMUM.major}.${MINIMUM.minor}+); you have v${version}: ` +
    `install it with \`nvm install ${MINIMUM.major}\` or from https://nodejs.org, then try again`
  );
}
