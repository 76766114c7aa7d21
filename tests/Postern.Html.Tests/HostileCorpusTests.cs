using Postern.Testing;

namespace Postern.Html.Tests;

/// <summary>
/// The hostile corpus (TestData/hostile, one file per trick): each file sanitises to its golden output, the output
/// passes the independent <see cref="SafetyChecker"/>, and sanitising the output again changes nothing.
/// </summary>
public class HostileCorpusTests
{
    /// <summary>
    /// The parts a test message has: every Content-ID resolves to a part URL, except those at a .test domain, and
    /// the Content-Locations "image1" and "https://www.example.com/part-logo.png" name parts too.
    /// </summary>
    internal static readonly HtmlSanitizerOptions CorpusOptions = new()
    {
        ResolveContentId = id => id.EndsWith(".test", StringComparison.Ordinal) ? null : "parts/" + Uri.EscapeDataString(id),
        ResolveContentLocation = location => location is "image1" or "https://www.example.com/part-logo.png" ? "parts/location/" + Uri.EscapeDataString(location) : null,
    };

    public static TheoryData<string> Files() => GoldenFile.Inputs("hostile");

    [Theory]
    [MemberData(nameof(Files))]
    public void HostileMessageSanitisesToItsGoldenOutput(string file)
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text(file.Split('/')), CorpusOptions);

        GoldenFile.AssertMatches(GoldenFile.ExpectedPath(file), GoldenFile.Describe(result));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HostileMessageOutputHoldsOnlyAllowedMarkup(string file)
    {
        var result = HtmlSanitizer.Sanitize(TestData.Text(file.Split('/')), CorpusOptions);

        SafetyChecker.AssertSafe(result.Html, ".postern-message", "parts/");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SanitisingHostileOutputAgainChangesNothing(string file)
    {
        var input = TestData.Text(file.Split('/'));
        foreach (var options in IdempotenceOptions)
        {
            var once = HtmlSanitizer.Sanitize(input, options).Html;
            var twice = HtmlSanitizer.Sanitize(once, options).Html;
            Assert.Equal(once, twice);
        }
    }

    /// <summary>
    /// Idempotence is checked without consent (no parts resolved, so nothing relative is produced) and with consent
    /// (parts resolved to absolute URLs, which the second pass keeps as remote content).
    /// </summary>
    internal static readonly HtmlSanitizerOptions[] IdempotenceOptions =
    [
        new(),
        new() { AllowRemoteContent = true, ResolveContentId = id => "https://parts.example/" + Uri.EscapeDataString(id) },
    ];
}
