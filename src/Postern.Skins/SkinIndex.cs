using System.Collections.Concurrent;
using Postern.Data;
using Postern.Templates;

namespace Postern.Skins;

/// <summary>
/// One skin as the cache knows it: its files (listed once), and the contents, compiled pages and parsed
/// Text Datasets read from it so far. Discarded when skins change.
/// </summary>
internal sealed class SkinIndex
{
    private readonly ISkinFileSource _source;
    private readonly ConcurrentDictionary<string, SkinFile> _contents = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (CompiledTemplate? Template, TemplateError? Error)> _templates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DataDictionary> _datasets = new(StringComparer.OrdinalIgnoreCase);

    public SkinIndex(SkinIdentity id, ISkinFileSource source, IReadOnlyList<SkinFileInfo> files)
    {
        Id = id;
        _source = source;
        Files = new Dictionary<string, SkinFileInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
            Files.TryAdd(file.Name, file);
    }

    public SkinIdentity Id { get; }

    public Dictionary<string, SkinFileInfo> Files { get; }

    /// <summary>How the skin's files are named in messages: <c>server/Golden/mailbox.wssp</c>.</summary>
    public string DisplayPath(string fileName)
    {
        var skin = Id.IsUnnamed ? SkinNames.UnnamedDirectory : Id.Name;
        return Id.Level switch
        {
            SkinLevel.Domain => $"domains/{Id.Domain}/{skin}/{fileName}",
            SkinLevel.Server => $"server/{skin}/{fileName}",
            SkinLevel.Working => Path.Combine(Id.Domain!, fileName),
            _ => $"stock/{skin}/{fileName}",
        };
    }

    public SkinFile? File(string fileName)
    {
        if (_contents.TryGetValue(fileName, out var loaded))
            return loaded;
        if (!Files.TryGetValue(fileName, out var info))
            return null;
        return _contents.GetOrAdd(fileName, new SkinFile(Id, info, _source.ReadFile(Id.Name, info.Name)));
    }

    /// <exception cref="TemplateCompileException">The file does not compile.</exception>
    public CompiledTemplate? Template(string fileName)
    {
        if (File(fileName) is not { } file)
            return null;
        if (!_templates.TryGetValue(file.Name, out var outcome))
        {
            outcome = WsspCompiler.TryCompile(DataParser.DecodeUtf8(file.Content.Span), DisplayPath(file.Name), out var compiled, out var problem)
                ? (compiled, null)
                : (null, problem);
            outcome = _templates.GetOrAdd(file.Name, outcome);
        }
        return outcome.Template ?? throw new TemplateCompileException(outcome.Error!);
    }

    /// <summary>A Text Dataset file of this skin, or <see langword="null"/> when the skin has no such file.</summary>
    /// <exception cref="DataFormatException">The file is not a valid dictionary.</exception>
    public DataDictionary? Dataset(string fileName)
    {
        if (_datasets.TryGetValue(fileName, out var parsed))
            return parsed;
        if (File(fileName) is not { } file)
            return null;
        var dictionary = DataParser.ParseDictionary(DataParser.DecodeUtf8(file.Content.Span), DisplayPath(file.Name));
        dictionary.MakeReadOnly();
        return _datasets.GetOrAdd(fileName, dictionary);
    }
}
