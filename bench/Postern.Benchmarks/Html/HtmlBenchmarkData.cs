namespace Postern.Benchmarks.Html;

/// <summary>Inputs for the HTML benchmarks, built from the HTML tests' own samples.</summary>
internal static class HtmlBenchmarkData
{
    /// <summary>A typical newsletter of about 50 KB: head styles, media queries, 29 article blocks of tables, images and buttons.</summary>
    public static string Newsletter { get; } = File.ReadAllText(TestDataFiles.Path("Postern.Html.Tests", "mail", "newsletter-50k.html"));

    /// <summary>
    /// A 1 MiB HTML part: the newsletter's head once, then its body content repeated (a long digest) up to 1 MiB
    /// characters, about 670 article blocks and 10,000 elements.
    /// </summary>
    public static string OneMegabytePart { get; } = BuildOneMegabytePart();

    /// <summary>About 1 MiB of format=flowed text with quotations and URLs: the newsletter as text, replied to over and over.</summary>
    public static string FlowedText { get; } = BuildFlowedText();

    private static string BuildOneMegabytePart()
    {
        var bodyStart = Newsletter.IndexOf('>', Newsletter.IndexOf("<body", StringComparison.Ordinal)) + 1;
        var bodyEnd = Newsletter.IndexOf("</body>", StringComparison.Ordinal);
        var content = Newsletter[bodyStart..bodyEnd];
        var part = new System.Text.StringBuilder(Newsletter[..bodyStart], 1024 * 1024 + Newsletter.Length);
        while (part.Length < 1024 * 1024)
            part.Append(content);
        return part.Append("</body></html>").ToString();
    }

    private static string BuildFlowedText()
    {
        var lines = Postern.Html.HtmlToPlainText.Convert(Newsletter).Split('\n');
        var text = new System.Text.StringBuilder(1024 * 1024 + 4096);
        for (var round = 0; text.Length < 1024 * 1024; round++)
        {
            foreach (var line in lines)
            {
                var quote = new string('>', round % 4);
                // RFC 3676: wrap at 72 with a trailing space on every soft-broken line.
                for (var start = 0; start < line.Length; start += 72)
                {
                    var piece = line.Substring(start, Math.Min(72, line.Length - start));
                    text.Append(quote).Append(quote.Length > 0 ? " " : "").Append(piece).Append(start + 72 < line.Length ? " \r\n" : "\r\n");
                }
            }
        }
        return text.ToString();
    }
}
