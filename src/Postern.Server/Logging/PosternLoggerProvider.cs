using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Postern.Server.Logging;

/// <summary>
/// Writes records the way CommuniGate's log looks: <c>HH:mm:ss.fff D TAG text</c>, where D is the
/// CommuniGate level digit and TAG the module (or module instance) that logged.
/// </summary>
/// <remarks>Levels are decided here, per module tag; keep the .NET minimum level at Trace.</remarks>
public sealed class PosternLoggerProvider : ILoggerProvider, ISupportExternalScope, IAsyncDisposable
{
    private readonly LoggingOptions _options;
    private readonly TextWriter? _console;
    private readonly LogFileWriter? _file;
    private readonly Lock _consoleGate = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <param name="console">Where console records go (standard output for the server, standard error for CLI verbs), or null.</param>
    /// <param name="fileDirectory">The directory of the daily log files, or null for none.</param>
    public PosternLoggerProvider(LoggingOptions options, TextWriter? console, string? fileDirectory)
    {
        _options = options;
        _console = options.Console ? console : null;
        _file = fileDirectory is null ? null : new LogFileWriter(fileDirectory);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, LogTags.ForCategory(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Formats one record; the text never spans lines except for an exception's stack trace.</summary>
    public static string Format(DateTime localTime, CgpLogLevel level, string tag, string message, Exception? exception)
    {
        var line = new StringBuilder(64 + message.Length);
        line.Append(localTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(' ').Append((int)level)
            .Append(' ').Append(tag)
            .Append(' ').Append(message.ReplaceLineEndings(" "));
        if (exception is not null)
            line.Append(Environment.NewLine).Append("    ").Append(exception.ToString().ReplaceLineEndings(Environment.NewLine + "    "));
        return line.ToString();
    }

    private void Write(CgpLogLevel level, string tag, string message, Exception? exception)
    {
        var now = DateTime.Now;
        var line = Format(now, level, tag, message, exception);
        if (_console is not null)
        {
            lock (_consoleGate)
                _console.WriteLine(line);
        }
        _file?.Write(now, line);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
            await _file.DisposeAsync();
    }

    private sealed class Logger(PosternLoggerProvider provider, string tag) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel)
        {
            var level = CgpLogLevels.Of(logLevel);
            return level != CgpLogLevel.Nothing && level <= provider._options.LevelOf(tag);
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var recordTag = ScopedTag() ?? tag;
            var level = CgpLogLevels.Of(logLevel);
            if (level == CgpLogLevel.Nothing || level > provider._options.LevelOf(recordTag))
                return;
            provider.Write(level, recordTag, formatter(state, exception), exception);
        }

        /// <summary>The innermost scope's <see cref="LogTags.ScopeKey"/>, if any.</summary>
        private string? ScopedTag()
        {
            var found = new TagHolder();
            provider._scopes.ForEachScope(static (scope, holder) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        if (key == LogTags.ScopeKey && value is string text)
                            holder.Value = text;
                    }
                }
            }, found);
            return found.Value;
        }
    }

    private sealed class TagHolder
    {
        public string? Value { get; set; }
    }
}
