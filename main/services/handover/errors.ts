/** Why a hand-over package is refused: one reason each, with a Chinese message that names what is wrong. */
import { AppError } from '../../../shared/contract/errors';

export type PackageProblem =
  | 'not-package'
  | 'truncated'
  | 'checksum'
  | 'wrong-password'
  | 'unsupported-kdf'
  | 'header-damaged'
  | 'password-required'
  | 'newer-format'
  | 'manifest-mismatch'
  | 'invalid-rows'
  | 'missing-reference'
  | 'unsafe-entry-name'
  | 'too-large'
  | 'other-branch'
  | 'bad-signature'
  | 'unsigned'
  | 'key-changed';

export class PackageError extends AppError {
  constructor(
    readonly reason: PackageProblem,
    message: string,
  ) {
    super('E_PACKAGE', message);
  }

  override toPayload() {
    return { ...super.toPayload(), reason: this.reason };
  }
}
