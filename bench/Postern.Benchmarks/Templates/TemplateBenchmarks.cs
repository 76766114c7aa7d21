using BenchmarkDotNet.Attributes;
using Postern.Data;
using Postern.Templates;

namespace Postern.Benchmarks.Templates;

/// <summary>WSSP compile and render: a 5 KB preferences page, and a 100-row mailbox page with includes.</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private string _preferencesSource = "";
    private CompiledTemplate _mailbox = null!;
    private TemplateContext _context = null!;
    private TemplateOutput _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _preferencesSource = MailboxPage.Read("preferences.wssp");
        _mailbox = WsspCompiler.Compile(MailboxPage.Read("mailbox.wssp"), "mailbox.wssp");
        var includes = new Dictionary<string, CompiledTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "header.wssi", "messagerow.wssi", "footer.wssi" })
            includes[name] = WsspCompiler.Compile(MailboxPage.Read(name), name);
        _context = new TemplateContext(MailboxPage.Dataset(100))
        {
            Session = MailboxPage.Session(),
            Settings = MailboxPage.Settings(),
            Strings = (DataDictionary)DataParser.ParseDictionary(MailboxPage.Read("strings.data")).MakeReadOnly(),
            Includes = new DictionaryResolver(includes),
            ServerVersion = "Postern",
            TimeProvider = new FixedClock(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero)),
        };
        _output = new TemplateOutput(64 * 1024);
        MailboxPage.Verify(_mailbox.Render(_context).Text, 100);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    /// <summary>Compiles the 5 KB preferences page.</summary>
    [Benchmark]
    public CompiledTemplate Compile5KbPage() => WsspCompiler.Compile(_preferencesSource, "preferences.wssp");

    /// <summary>Renders the 100-row mailbox page into a reused buffer (what a server does per request).</summary>
    [Benchmark]
    public int RenderMailbox100Rows()
    {
        _output.Clear();
        _mailbox.RenderTo(_context, _output);
        return _output.Length;
    }

    /// <summary>Renders the mailbox page into a new string.</summary>
    [Benchmark]
    public string RenderMailbox100RowsToString() => _mailbox.Render(_context).Text;

    private sealed class DictionaryResolver(Dictionary<string, CompiledTemplate> templates) : ITemplateResolver
    {
        public CompiledTemplate? Resolve(string fileName) => templates.GetValueOrDefault(fileName);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
