using Postern.Data;
using Postern.Templates;

namespace Postern.Benchmarks.Templates;

/// <summary>
/// The benchmark skin (<c>Templates/MailboxSkin</c>, copied to the output folder) and a 100-message
/// mailbox dataset, shared by the template and skin benchmarks.
/// </summary>
internal static class MailboxPage
{
    public static string SkinDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Templates", "MailboxSkin");

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(SkinDirectory, fileName));

    public static DataDictionary Dataset(int rows)
    {
        var received = new DateTime(2024, 3, 5, 8, 0, 0, DateTimeKind.Utc);
        var messages = new DataArray(rows);
        for (var i = 0; i < rows; i++)
        {
            messages.Add(new DataDictionary
            {
                ["UID"] = 1000 + i,
                ["From"] = $"Sender {i} <sender{i}@example.com>",
                ["Subject"] = i % 10 == 0 ? $"Re: Q&A <meeting> #{i}" : $"Weekly report {i}",
                ["Received"] = received.AddMinutes(-37 * i),
                ["Size"] = 1200L + (i * 731L),
                ["Flags"] = i % 3 == 0 ? new DataArray() : new DataArray { "Seen" },
            });
        }
        return (DataDictionary)new DataDictionary
        {
            ["mailbox"] = "INBOX",
            ["messages"] = messages,
            ["messageCount"] = rows,
        }.MakeReadOnly();
    }

    public static DataDictionary Session() => (DataDictionary)new DataDictionary
    {
        ["ID"] = "k3J9x2",
        ["filesRef"] = "/SkinFiles/example.com/Golden/v3c9a1f0e/",
        ["FullAccountName"] = "jane@example.com",
    }.MakeReadOnly();

    public static DataDictionary Settings() => (DataDictionary)new DataDictionary
    {
        ["Columns"] = DataArray.OfStrings(["Status", "From", "Subject", "Received", "Size"]),
    }.MakeReadOnly();

    /// <summary>Checks the rendered page before measuring, so a broken engine cannot look fast.</summary>
    public static void Verify(string page, int rows)
    {
        var rowCount = page.Split("<tr class=\"").Length - 1;
        if (rowCount != rows || !page.Contains("Re: Q&amp;A &lt;meeting&gt; #0", StringComparison.Ordinal)
            || !page.Contains("Logged in as <b>jane@example.com</b>", StringComparison.Ordinal)
            || !page.TrimEnd().EndsWith("</body></html>", StringComparison.Ordinal))
            throw new InvalidOperationException($"The mailbox page rendered wrongly ({rowCount} rows):\n{page}");
    }
}
