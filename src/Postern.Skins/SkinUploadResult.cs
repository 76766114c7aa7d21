using Postern.Data;

namespace Postern.Skins;

/// <summary>What an upload did: the files stored, or the error that stopped it (then nothing was stored).</summary>
public sealed record SkinUploadResult(IReadOnlyList<string> StoredFiles, IReadOnlyList<string> SkippedFiles, SkinUploadError? Error)
{
    /// <summary>True when the files were stored.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>
/// Why an uploaded file was refused. For a <c>.wssp</c>/<c>.wssi</c> that does not compile or a
/// <c>.data</c> that does not parse, <see cref="MarkedText"/> is the file with <c>&lt;--ERROR--&gt;</c>
/// inserted where the error is (WebApp, "Creating and Managing Skins").
/// </summary>
/// <param name="FileName">The file (inside a <c>.tar</c>, the archive entry).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Location">The line and column, for syntax errors.</param>
/// <param name="MarkedText">The file text with the error marker, for syntax errors.</param>
public sealed record SkinUploadError(string FileName, string Message, TextLocation? Location, string? MarkedText)
{
    /// <summary>The marker placed at the error position.</summary>
    public const string Marker = "<--ERROR-->";

    /// <summary><c>file:line:column: message</c>, or <c>file: message</c>.</summary>
    public override string ToString() => Location is { } at ? $"{FileName}:{at}: {Message}" : $"{FileName}: {Message}";
}

/// <summary>A skin and how many files it has.</summary>
/// <param name="Name">The name; <c>""</c> for the Unnamed skin.</param>
/// <param name="Kind">Regular, WML or cHTML.</param>
/// <param name="FileCount">How many files were uploaded to it.</param>
public sealed record SkinSummary(string Name, SkinKind Kind, int FileCount);

/// <summary>A file visible in a skin: its own, or inherited from a skin later in the lookup order.</summary>
/// <param name="Name">The lower-case file name.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="LastModifiedUtc">When it last changed.</param>
/// <param name="Origin">The skin it comes from.</param>
/// <param name="IsOwn">True when it was uploaded to this skin (false: it shows as "default").</param>
public sealed record SkinFileListing(string Name, long Length, DateTime LastModifiedUtc, SkinIdentity Origin, bool IsOwn);
