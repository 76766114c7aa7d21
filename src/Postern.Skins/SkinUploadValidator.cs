using System.Formats.Tar;
using Postern.Data;
using Postern.Templates;

namespace Postern.Skins;

/// <summary>
/// Checks uploads before anything is stored (WebApp, "Creating and Managing Skins"): a <c>.wssp</c> or
/// <c>.wssi</c> file must compile, a <c>.data</c> file must be a dictionary, and a <c>.tar</c> archive is
/// unpacked into its files, each checked the same way.
/// </summary>
/// <remarks>CG/PL files (<c>.wcgp</c>, <c>.wcgi</c>) are stored unchecked: Postern has no CG/PL compiler yet.</remarks>
internal static class SkinUploadValidator
{
    /// <summary>The files to store, or the first error.</summary>
    public static (List<(string Name, byte[] Content)> Files, List<string> Skipped, SkinUploadError? Error) Prepare(
        string fileName, ReadOnlySpan<byte> content, SkinLimits limits)
    {
        var files = new List<(string, byte[])>();
        var skipped = new List<string>();
        var name = SkinNames.NormalizeFileName(fileName);
        if (!name.EndsWith(".tar", StringComparison.Ordinal))
        {
            var error = CheckName(name) ?? CheckSize(name, content.Length, limits) ?? CheckContent(name, content);
            if (error is null)
                files.Add((name, content.ToArray()));
            return (files, skipped, error);
        }

        if (content.Length > limits.MaxArchiveBytes)
            return (files, skipped, new SkinUploadError(name, $"The archive is larger than the limit of {limits.MaxArchiveBytes} bytes.", null, null));
        try
        {
            using var reader = new TarReader(new MemoryStream(content.ToArray()), leaveOpen: false);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory)
                    continue;
                var entryName = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                if (entryName.Length == 0)
                    continue;
                var baseName = entryName.Split('/')[^1];
                if (baseName.StartsWith('.'))
                {
                    // Hidden files (macOS "._x" resource forks, ".DS_Store") are never skin files.
                    skipped.Add(entryName);
                    continue;
                }
                if (entryName.Contains('/'))
                    return (files, skipped, new SkinUploadError(entryName, "Skins are flat: the archive must hold files only at its top level (tar -cf skin.tar -C skindir .).", null, null));
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                    return (files, skipped, new SkinUploadError(entryName, $"Only regular files can be uploaded, not {entry.EntryType}.", null, null));

                var member = SkinNames.NormalizeFileName(entryName);
                var error = CheckName(member) ?? CheckSize(member, entry.Length, limits);
                if (error is not null)
                    return (files, skipped, error);
                var bytes = new byte[entry.Length];
                entry.DataStream?.ReadExactly(bytes);
                if (CheckContent(member, bytes) is { } invalid)
                    return (files, skipped, invalid);
                files.RemoveAll(f => f.Item1 == member);
                files.Add((member, bytes));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            return (files, skipped, new SkinUploadError(name, $"The file is not a valid tar archive ({e.Message})", null, null));
        }
        return (files, skipped, null);
    }

    private static SkinUploadError? CheckName(string name) =>
        SkinNames.IsValidFileName(name, out var problem) ? null : new SkinUploadError(name, problem, null, null);

    private static SkinUploadError? CheckSize(string name, long length, SkinLimits limits) =>
        length <= limits.MaxFileBytes ? null : new SkinUploadError(name, $"The file is larger than the limit of {limits.MaxFileBytes} bytes.", null, null);

    /// <summary>Compiles WSSP files and parses Text Datasets; other files are stored as they are.</summary>
    public static SkinUploadError? CheckContent(string name, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(name);
        if (extension is ".wssp" or ".wssi")
        {
            var text = DataParser.DecodeUtf8(content);
            return WsspCompiler.TryCompile(text, name, out _, out var error)
                ? null
                : new SkinUploadError(name, error.Message, error.Location, Mark(text, error.Offset));
        }
        if (extension is ".data")
        {
            var text = DataParser.DecodeUtf8(content);
            if (!DataParser.TryParse(text, out var value, out var error, name))
                return new SkinUploadError(name, error.Message, error.Location, Mark(text, error.Offset));
            if (value is not DataDictionary)
                return new SkinUploadError(name, "A Text Dataset must be a dictionary ({...}).", new TextLocation(1, 1), Mark(text, 0));
        }
        return null;
    }

    /// <summary>The text with the error marker inserted at <paramref name="offset"/>.</summary>
    public static string Mark(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        return string.Concat(text.AsSpan(0, offset), SkinUploadError.Marker, text.AsSpan(offset));
    }
}
