namespace Postern.Data;

/// <summary>Caps on what the dictionary text reader accepts.</summary>
public sealed class DataLimits
{
    /// <summary>The defaults, suitable for settings, preferences and skin Text Datasets.</summary>
    public static DataLimits Default { get; } = new();

    /// <summary>
    /// The deepest nesting of arrays and dictionaries. Default 100: CommuniGate settings nest three or four
    /// levels; 100 keeps the recursive reader far from exhausting the stack on hostile input.
    /// </summary>
    public int MaxDepth
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "At least 1.");
    } = 100;

    /// <summary>
    /// The longest text accepted, in characters. Default 16 Mi: a stock skin's largest language file is
    /// about 30 KB and account settings a few KB, so this leaves ample room while bounding memory.
    /// </summary>
    public int MaxTextLength
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxTextLength), value, "Not negative.");
    } = 16 * 1024 * 1024;
}

/// <summary>How the dictionary text reader builds objects.</summary>
public sealed class DataParserOptions
{
    /// <summary>The defaults: case-insensitive dictionary keys, <see cref="DataLimits.Default"/>.</summary>
    public static DataParserOptions Default { get; } = new();

    /// <summary>Whether dictionaries read are case-sensitive (CG/PL's default); otherwise case-insensitive.</summary>
    public bool CaseSensitiveKeys { get; init; }

    /// <summary>The caps applied while reading.</summary>
    public DataLimits Limits { get; init; } = DataLimits.Default;
}
