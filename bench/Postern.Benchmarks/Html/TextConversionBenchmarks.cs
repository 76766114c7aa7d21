using BenchmarkDotNet.Attributes;
using Postern.Html;

namespace Postern.Benchmarks.Html;

/// <summary>The text conversions: a 50 KB newsletter to plain text (reply quoting), 1 MiB of flowed text to HTML.</summary>
[MemoryDiagnoser]
public class TextConversionBenchmarks
{
    private static readonly PlainTextOptions s_flowed = new() { Flowed = true };

    [GlobalSetup]
    public void CheckOutput()
    {
        if (!NewsletterToPlainText().Contains("Unsubscribe <https://news.example.com/unsubscribe", StringComparison.Ordinal))
            throw new InvalidOperationException("The newsletter did not convert to the expected text.");
        var html = FlowedTextToHtml();
        if (html.Truncated || !html.Html.Contains("<blockquote type=\"cite\">", StringComparison.Ordinal) || !html.Html.Contains("<a href=\"https://", StringComparison.Ordinal))
            throw new InvalidOperationException("The flowed text did not convert to the expected HTML.");
    }

    [Benchmark]
    public string NewsletterToPlainText() => HtmlToPlainText.Convert(HtmlBenchmarkData.Newsletter);

    [Benchmark]
    public SanitizedHtml FlowedTextToHtml() => PlainTextToHtml.Convert(HtmlBenchmarkData.FlowedText, s_flowed);
}
