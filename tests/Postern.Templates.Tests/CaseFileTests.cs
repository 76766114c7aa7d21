using System.Globalization;
using Postern.Data;
using Postern.Testing;

namespace Postern.Templates.Tests;

/// <summary>Runs every WSSP case file under <c>TestData/Cases</c> (see <see cref="TemplateCase"/> for the format).</summary>
public class CaseFileTests
{
    public static TheoryData<string> Cases()
    {
        var root = TestData.Path("Cases");
        return new(Directory.GetFiles(root, "*.case", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseRendersAsExpected(string name)
    {
        var testCase = TemplateCase.Load(TestData.Path("Cases", name));
        var expectedError = testCase.Section("error");
        var expected = testCase.Section("expected");
        Assert.True(expectedError is not null ^ expected is not null, $"{name} needs exactly one of '=== expected' and '=== error'.");

        var environment = testCase.Dictionary("context");
        var limits = Limits(environment);
        string actual;
        RenderedPage? page = null;
        try
        {
            var template = WsspCompiler.Compile(testCase.Template, testCase.TemplateName, limits);
            page = template.Render(Context(testCase, environment, limits));
            actual = page.Text;
        }
        catch (TemplateCompileException e)
        {
            actual = "error: " + e.Error;
        }
        catch (TemplateRenderException e)
        {
            actual = "error: " + e.Error;
        }

        Assert.Equal(expected ?? "error: " + expectedError, actual);
        if (testCase.Section("redirect") is { } redirect)
        {
            var relative = redirect.StartsWith("relative ", StringComparison.Ordinal);
            Assert.Equal(new PageRedirect(relative ? redirect["relative ".Length..] : redirect, relative), page?.Redirect);
        }
        else if (page is not null)
        {
            Assert.Null(page.Redirect);
        }
        if (testCase.Section("charset") is { } charset)
            Assert.Equal(charset, page?.Charset);
    }

    private static TemplateLimits Limits(DataDictionary environment)
    {
        int Get(string key, int fallback) => environment.Find(key) is DataNumber n ? (int)n.Value : fallback;
        var defaults = TemplateLimits.Default;
        return new TemplateLimits
        {
            MaxSteps = Get("MaxSteps", defaults.MaxSteps),
            MaxIncludeDepth = Get("MaxIncludeDepth", defaults.MaxIncludeDepth),
            MaxOutputChars = Get("MaxOutputChars", defaults.MaxOutputChars),
            MaxNestingDepth = Get("MaxNestingDepth", defaults.MaxNestingDepth),
            MaxSourceChars = Get("MaxSourceChars", defaults.MaxSourceChars),
        };
    }

    private static TemplateContext Context(TemplateCase testCase, DataDictionary environment, TemplateLimits limits)
    {
        string? Text(string key) => environment.Find(key)?.AsString;
        IReadOnlyList<string>? List(string key) =>
            environment.Find(key) is DataArray array ? array.Select(v => v.AsString ?? v.ToString()).ToList() : null;

        var now = environment.Find("Now") is DataTimestamp stamp ? stamp.Value : new DateTime(2024, 3, 5, 12, 0, 0, DateTimeKind.Utc);
        var zone = Text("TimeZone") is { } zoneId ? TimeZoneInfo.FindSystemTimeZoneById(zoneId) : TimeZoneInfo.Utc;
        return new TemplateContext(testCase.Dictionary("dataset"))
        {
            Strings = testCase.Dictionary("strings"),
            Session = testCase.Dictionary("session"),
            Settings = testCase.Dictionary("settings"),
            AccountSettings = testCase.Dictionary("accountsettings"),
            Includes = new CaseIncludes(testCase, limits),
            Language = Text("Language"),
            TimeZone = zone,
            TimeZoneName = Text("TimeZoneName"),
            TimeProvider = new FixedTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)),
            ServerVersion = Text("ServerVersion") ?? "",
            Request = Text("RequestResource") is { } resource
                ? new TemplateRequest(resource, Text("RequestSourceIP"), Text("RequestSecure") == "YES")
                : null,
            Mailboxes = List("Mailboxes") ?? [],
            KnownTimeZones = List("KnownTimeZones"),
            KnownCharsets = List("KnownCharsets"),
            Random = new Random(environment.Find("RandomSeed") is DataNumber seed ? (int)seed.Value : 1),
            Limits = limits,
        };
    }

    private sealed class CaseIncludes(TemplateCase testCase, TemplateLimits limits) : ITemplateResolver
    {
        private readonly Dictionary<string, CompiledTemplate> _compiled = new(StringComparer.OrdinalIgnoreCase);

        public CompiledTemplate? Resolve(string fileName)
        {
            if (_compiled.TryGetValue(fileName, out var template))
                return template;
            if (!testCase.Includes.TryGetValue(fileName, out var source))
                return null;
            return _compiled[fileName] = WsspCompiler.Compile(source, fileName.ToLowerInvariant(), limits);
        }
    }
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
