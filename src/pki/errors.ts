/** Errors thrown by src/pki. Callers map them onto Exchange's messages (e.g. Import-ExchangeCertificate's
 * "The source data cannot be imported or the wrong password was specified."). */

/** Input is not the expected DER/PEM/PKCS structure (or is truncated, or uses something we cannot read). */
export class PkiFormatError extends Error {
  override readonly name: string = 'PkiFormatError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A signature (on a request or certificate) does not verify. */
export class PkiSignatureError extends PkiFormatError {
  override readonly name = 'PkiSignatureError';
}

/** A PKCS#12 file could not be opened with the given password (MAC or decryption failure). */
export class PfxPasswordError extends Error {
  override readonly name = 'PfxPasswordError';
  constructor(message = 'The PKCS #12 password is incorrect, or the file is not protected with this password.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A distinguished-name string could not be parsed (text of Windows' CRYPT_E_INVALID_X500_STRING). */
export class DnSyntaxError extends PkiFormatError {
  override readonly name = 'DnSyntaxError';
  constructor(readonly input: string) {
    super('The string contains an invalid X500 name attribute key, oid, value or delimiter.');
  }
}
