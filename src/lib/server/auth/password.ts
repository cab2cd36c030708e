import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). The parameters are written into
 * each stored hash ($argon2id$v=19$m=19456,t=2,p=1$…), so raising them later keeps old hashes
 * verifiable.
 */
export const ARGON2_OPTIONS: Options = {
	algorithm: 2, // Algorithm.Argon2id: the enum is `const`, which isolated modules cannot read
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};

/** Longest password accepted anywhere, so nobody makes the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 128;

/** The same password typed on two keyboards (é as one or two code points) gives one hash. */
export function normalizePassword(password: string): string {
	return password.normalize('NFC');
}

/** Returns the PHC string of the argon2id hash of the (NFC-normalised) password. */
export async function hashPassword(password: string): Promise<string> {
	return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/** True when the password matches the stored hash; false for a malformed hash as well. */
export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, normalizePassword(password));
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies the password against a throwaway hash and returns false. Called when the email is
 * unknown, so that such a login costs the same argon2 work, hence the same time, as a wrong
 * password: response times must not tell which addresses have an account.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	await verifyPasswordHash(await dummyHash, password);
	return false;
}
