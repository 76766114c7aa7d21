using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Postern.Html;

namespace Postern.Benchmarks.Html;

/// <summary>
/// Sanitising HTML mail for the WebUser Message page: a typical 50 KB newsletter (without and with consent to
/// remote content) and a 1 MiB HTML part, each beside AngleSharp's bare parse of the same markup (the floor under
/// any sanitiser built on it).
/// </summary>
[MemoryDiagnoser]
public class HtmlSanitizerBenchmarks
{
    private static readonly HtmlSanitizerOptions s_withConsent = new() { AllowRemoteContent = true };

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    [GlobalSetup]
    public void CheckOutput()
    {
        Check(SanitizeNewsletter(), remoteBlocked: true, "class=\"pm-main\"");
        Check(SanitizeNewsletterWithConsent(), remoteBlocked: false, "src=\"https://img.example-cdn.com/brand/logo-white.png\"");
        Check(SanitizeOneMegabytePart(), remoteBlocked: true, "Water on long routes");
    }

    [Benchmark]
    public SanitizedHtml SanitizeNewsletter() => HtmlSanitizer.Sanitize(HtmlBenchmarkData.Newsletter);

    [Benchmark]
    public SanitizedHtml SanitizeNewsletterWithConsent() => HtmlSanitizer.Sanitize(HtmlBenchmarkData.Newsletter, s_withConsent);

    [Benchmark]
    public SanitizedHtml SanitizeOneMegabytePart() => HtmlSanitizer.Sanitize(HtmlBenchmarkData.OneMegabytePart);

    [Benchmark]
    public int ParseNewsletterOnly() => _parser.ParseDocument(HtmlBenchmarkData.Newsletter).Body!.ChildElementCount;

    [Benchmark]
    public int ParseOneMegabytePartOnly() => _parser.ParseDocument(HtmlBenchmarkData.OneMegabytePart).Body!.ChildElementCount;

    private static void Check(SanitizedHtml result, bool remoteBlocked, string expected)
    {
        if (result.Truncated || result.RemoteContentBlocked != remoteBlocked || !result.Html.Contains(expected, StringComparison.Ordinal)
            || result.Html.Contains("<script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("The sanitiser did not produce the expected output.");
    }
}
