// What Format-Table / Format-List write to the pipeline. PowerShell's format objects are laid
// out by whoever finally prints them (console, Out-String -Width, Out-File), so this keeps the
// cells and renders lines for a given width on demand.

export class FormatOutput {
  constructor(
    private readonly render: (width: number) => string[],
    /** The width `lines` uses: the host's console width. */
    readonly defaultWidth: number,
  ) {}

  /** The lines at a screen width (blank lines around the block included). */
  renderAt(width: number): string[] {
    return this.render(width);
  }

  /** The lines as the console would print them. */
  get lines(): string[] {
    return this.render(this.defaultWidth);
  }

  get typeNames(): string[] {
    return ['Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData', 'System.Object'];
  }

  toString(): string {
    return 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData';
  }
}
