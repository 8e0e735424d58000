/**
 * The single error base of the X12 area. Every error carries a stable code and
 * the position of the offending segment; messages name segments and elements,
 * never the data values in them (they may be PHI).
 */
export class X12Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** 1-based segment position in the file, when known. */
    readonly position?: number,
    readonly segmentId?: string,
    /** Element reference such as "CLM02" or "SV101-2". */
    readonly element?: string,
  ) {
    super(message);
    this.name = 'X12Error';
  }

  /** "segment 14 (CLM), element CLM02: ..." */
  describe(): string {
    const where = [
      this.position !== undefined ? `segment ${this.position}` : undefined,
      this.segmentId ? `(${this.segmentId})` : undefined,
      this.element ? `element ${this.element}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}
