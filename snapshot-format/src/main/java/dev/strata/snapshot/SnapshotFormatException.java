package dev.strata.snapshot;

/**
 * A snapshot file that cannot be read, with the place and the reason:
 * {@code line L, column C: <what is wrong>; expected <what>}. Lines and columns count from 1; a column
 * counts characters (Unicode code points), not bytes.
 */
public class SnapshotFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;
  private final String expected;

  public SnapshotFormatException(int line, int column, String problem, String expected) {
    super("line " + line + ", column " + column + ": " + problem + "; expected " + expected);
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.expected = expected;
  }

  /** The line, from 1. */
  public int line() {
    return line;
  }

  /** The column, from 1, in characters. */
  public int column() {
    return column;
  }

  /** What is wrong, e.g. {@code unknown column attribute 'nul'}. */
  public String problem() {
    return problem;
  }

  /** What the reader expected there. */
  public String expected() {
    return expected;
  }
}
