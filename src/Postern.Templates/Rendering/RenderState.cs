using Postern.Data;
using Postern.Templates.Tree;

namespace Postern.Templates.Rendering;

/// <summary>The mutable state of one render: output, budgets, active FOREACH scanners, include frames.</summary>
/// <remarks>Compiled trees never hold per-render state; everything that changes during a render is here.</remarks>
internal sealed class RenderState
{
    private ScannerFrame[] _scanners = new ScannerFrame[8];
    private int _scannerCount;
    private long _steps;
    private readonly long _maxSteps;
    private readonly int _maxOutput;
    private readonly int _outputStart;
    private DateTime? _localNow;

    public RenderState(TemplateContext context, TemplateOutput output, CompiledTemplate page)
    {
        Context = context;
        Output = output;
        Dataset = context.Dataset;
        Template = page;
        _maxSteps = context.Limits.MaxSteps;
        _maxOutput = context.Limits.MaxOutputChars;
        _outputStart = output.Length;
    }

    public TemplateContext Context { get; }

    /// <summary>Starts writing dataset values (not the page's own text): on WML pages their <c>$</c> are doubled until the scope ends.</summary>
    public ValueScope BeginValues() => new(Output, Context.Markup == PageMarkup.Wml);

    public TemplateOutput Output { get; }

    public DataDictionary Dataset { get; }

    /// <summary>The file whose nodes are rendering (changes inside INCLUDE), for error positions.</summary>
    public CompiledTemplate Template { get; set; }

    /// <summary>The arguments of the innermost INCLUDE, for INCLUDEARG(n).</summary>
    public DataValue?[]? IncludeArguments { get; set; }

    public int IncludeDepth { get; set; }

    /// <summary>The current time in the user's time zone, read once per render ("today" for DATETIMESHORT:).</summary>
    public DateTime LocalNow => _localNow ??= TimeZoneInfo.ConvertTimeFromUtc(Context.TimeProvider.GetUtcNow().UtcDateTime, Context.TimeZone);

    /// <summary>Counts one executed element and enforces the step, output and cancellation limits.</summary>
    public void Step(TemplateNode node)
    {
        if (++_steps > _maxSteps)
            throw Limit(node.Offset, $"The page ran more than the limit of {_maxSteps} steps.");
        if (Output.Length - _outputStart > _maxOutput)
            throw Limit(node.Offset, $"The page produced more than the limit of {_maxOutput} characters.");
        if ((_steps & 0x3FF) == 0)
            Context.CancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>How many characters this render has written.</summary>
    public int Written => Output.Length - _outputStart;

    public TemplateLimitExceededException Limit(int offset, string message) =>
        new(TemplateError.At(message, Template.FileName, Template.Source, offset));

    public TemplateRenderException Error(int offset, string message) =>
        new(TemplateError.At(message, Template.FileName, Template.Source, offset));

    /// <summary>Makes a scanner visible to <c>name[]</c> and the IS… functions; returns its slot.</summary>
    public int PushScanner(string name, int count)
    {
        if (_scannerCount == _scanners.Length)
            Array.Resize(ref _scanners, _scanners.Length * 2);
        _scanners[_scannerCount] = new ScannerFrame(name, count);
        return _scannerCount++;
    }

    public void SetScanner(int slot, int index, DataValue? current)
    {
        ref var frame = ref _scanners[slot];
        frame.Index = index;
        frame.Current = current;
    }

    public void PopScanner() => _scanners[--_scannerCount] = default;

    /// <summary>The innermost active scanner called <paramref name="name"/> (names are upper-cased at compile time).</summary>
    public bool TryGetScanner(string name, out ScannerFrame frame)
    {
        for (var i = _scannerCount - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_scanners[i].Name, name) || string.Equals(_scanners[i].Name, name, StringComparison.Ordinal))
            {
                frame = _scanners[i];
                return true;
            }
        }
        frame = default;
        return false;
    }
}

/// <summary>The state of one active FOREACH: its element index, the element count and the current value.</summary>
internal struct ScannerFrame(string name, int count)
{
    public string Name = name;
    public int Count = count;
    public int Index;
    public DataValue? Current;
}

/// <summary>The span of one text element's or menu's output, during which values are escaped for the page's markup.</summary>
internal readonly struct ValueScope : IDisposable
{
    private readonly TemplateOutput _output;
    private readonly bool _previous;

    public ValueScope(TemplateOutput output, bool doubleDollarSigns)
    {
        _output = output;
        _previous = output.DoublesDollarSigns;
        output.DoublesDollarSigns = doubleDollarSigns;
    }

    public void Dispose() => _output.DoublesDollarSigns = _previous;
}
