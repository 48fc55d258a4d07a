import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '@app/config';

/**
 * argon2id with the cost of PASSWORD_HASH_MEMORY_KIB, _PASSES and _LANES: by default argon2's own, 64 MiB, 3
 * passes, 4 lanes (about 0.2 to 0.3 s of CPU per hash or check), and never below OWASP's minimum of 19 MiB and 2
 * passes (the configuration refuses less). A hash carries its own parameters, so the cost can change without a
 * reset: hashes made before still verify, with the cost they were made with, and are made again at the new cost
 * when their user next signs in (UsersService.verifyCredentials).
 */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions;
  private dummyHash: Promise<string> | undefined;

  constructor(@Inject(AppConfig) config: Pick<AppConfig, 'passwordHashing'>) {
    const { memoryKib, passes, lanes } = config.passwordHashing;
    this.options = { type: argon2.argon2id, memoryCost: memoryKib, timeCost: passes, parallelism: lanes };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Whether `hash` was made at another cost than the configured one (false for what argon2 cannot read). */
  needsRehash(hash: string): boolean {
    try {
      const { memoryCost, timeCost, parallelism } = this.options;
      return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
    } catch {
      return false;
    }
  }

  /** Checks `password` against a hash of nothing, for an unknown email: a wrong email costs as long as a wrong password. */
  async verifyNobody(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-but-costs-the-same');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
