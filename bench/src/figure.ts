/** One reported figure. */
export interface Figure {
  readonly scenario: string;
  readonly figure: string;
  readonly contender: string;
  readonly value: string;
  readonly numeric?: number;
  readonly goal?: string;
  readonly met?: boolean;
}
