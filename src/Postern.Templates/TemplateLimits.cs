namespace Postern.Templates;

/// <summary>Caps on compiling and rendering WSSP files, which skin authors (server and domain
/// administrators) write; every cap is on by default.</summary>
public sealed class TemplateLimits
{
    /// <summary>The defaults.</summary>
    public static TemplateLimits Default { get; } = new();

    /// <summary>
    /// The most elements (text, output, structural) one render may execute, counting every loop iteration.
    /// Default 1,000,000: a 100-row mailbox page with includes runs a few thousand; the cap stops runaway
    /// pages while leaving room for very large lists.
    /// </summary>
    public int MaxSteps { get; init => field = Positive(value, nameof(MaxSteps)); } = 1_000_000;

    /// <summary>
    /// How deep INCLUDE may nest. Default 16: stock pages nest two or three deep; 16 leaves room for
    /// custom skins and stops include cycles quickly.
    /// </summary>
    public int MaxIncludeDepth { get; init => field = Positive(value, nameof(MaxIncludeDepth)); } = 16;

    /// <summary>
    /// The most characters one render may produce. Default 8 Mi: a large mailbox page is well under
    /// 1 MB; the cap bounds the memory a faulty loop can take.
    /// </summary>
    public int MaxOutputChars { get; init => field = Positive(value, nameof(MaxOutputChars)); } = 8 * 1024 * 1024;

    /// <summary>
    /// The longest WSSP file the compiler accepts, in characters. Default 1 Mi: stock pages are under
    /// 30 KB, so this only stops accidental uploads of huge files.
    /// </summary>
    public int MaxSourceChars { get; init => field = Positive(value, nameof(MaxSourceChars)); } = 1024 * 1024;

    /// <summary>
    /// How deep IF/FOREACH blocks and parenthesised expressions may nest in one file. Default 64: real
    /// pages nest under ten; the cap keeps the recursive compiler and renderer off the stack limit.
    /// </summary>
    public int MaxNestingDepth { get; init => field = Positive(value, nameof(MaxNestingDepth)); } = 64;

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
}
