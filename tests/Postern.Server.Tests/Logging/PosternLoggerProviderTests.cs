using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Postern.Server.Logging;

namespace Postern.Server.Tests.Logging;

public class PosternLoggerProviderTests
{
    private readonly StringWriter _console = new();

    private ILoggerFactory Factory(CgpLogLevel defaultLevel, params (string Tag, CgpLogLevel Level)[] modules)
    {
        var options = new LoggingOptions
        {
            Default = defaultLevel,
            Modules = modules.ToDictionary(m => m.Tag, m => m.Level),
        };
        var provider = new PosternLoggerProvider(options, _console, fileDirectory: null);
        return LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
    }

    private string[] Lines => _console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void RecordsCarryTimeLevelDigitTagAndText()
    {
        using var factory = Factory(CgpLogLevel.Problems);

        factory.CreateLogger("XIMSSI").LogInformation("connection from {Address}", "[127.0.0.1]");

        var line = Assert.Single(Lines);
        Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d\.\d\d\d 2 XIMSSI connection from \[127\.0\.0\.1\]$"), line);
    }

    [Fact]
    public void EachModuleKeepsOnlyRecordsAtOrBelowItsLevel()
    {
        using var factory = Factory(CgpLogLevel.Problems, ("XIMSS", CgpLogLevel.Major), ("HTTPU", CgpLogLevel.AllInfo));
        var ximss = factory.CreateLogger("XIMSS");
        var http = factory.CreateLogger("HTTPU");
        var store = factory.CreateLogger("STORE");

        ximss.LogInformation("login");
        ximss.LogWarning("wrong password");
        http.LogTrace("bytes");
        store.LogWarning("cut tail");
        store.LogDebug("detail");
        store.LogError("broken");

        Assert.Equal(["2 XIMSS login", "5 HTTPU bytes", "3 STORE cut tail", "1 STORE broken"], Lines.Select(l => l[13..]));
    }

    [Fact]
    public void AScopeNamesTheModuleInstanceAndTheModuleLevelStillApplies()
    {
        using var factory = Factory(CgpLogLevel.Problems, ("XIMSS", CgpLogLevel.Major));
        var logger = factory.CreateLogger("XIMSS");

        using (logger.BeginScope(new Dictionary<string, object?> { [LogTags.ScopeKey] = "XIMSS-00012" }))
        {
            logger.LogInformation("session started");
            logger.LogWarning("hidden at Major");
        }
        logger.LogInformation("outside");

        Assert.Equal(["2 XIMSS-00012 session started", "2 XIMSS outside"], Lines.Select(l => l[13..]));
    }

    [Fact]
    public void AnExceptionFollowsOnIndentedLines()
    {
        using var factory = Factory(CgpLogLevel.Problems);

        factory.CreateLogger("SERVER").LogError(new InvalidOperationException("boom"), "request failed");

        Assert.EndsWith("1 SERVER request failed", Lines[0]);
        Assert.StartsWith("    System.InvalidOperationException: boom", Lines[1]);
    }

    [Fact]
    public void MultiLineTextStaysOnOneRecordLine()
    {
        using var factory = Factory(CgpLogLevel.Problems);

        factory.CreateLogger("SERVER").LogWarning("first\nsecond");

        Assert.EndsWith("3 SERVER first second", Assert.Single(Lines));
    }

    [Fact]
    public void NothingTurnsAModuleOff()
    {
        using var factory = Factory(CgpLogLevel.Nothing);

        factory.CreateLogger("SERVER").LogCritical("even this");

        Assert.Empty(Lines);
    }
}
