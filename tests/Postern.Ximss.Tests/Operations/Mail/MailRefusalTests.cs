using Postern.Storage;
using Postern.Testing;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>
/// Every mail operation refuses bad requests (missing attributes, unknown folders and mailboxes, other
/// accounts' mailboxes without rights, huge ranges) with an error response, and changes nothing stored.
/// The cases are in <c>TestData/Mail/refusals.txt</c>.
/// </summary>
public class MailRefusalTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        var request = new List<string>();
        foreach (var line in TestData.Text("Mail", "refusals.txt").ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("=> ", StringComparison.Ordinal))
            {
                cases.Add(string.Join("\n", request), line[3..]);
                request.Clear();
            }
            else if (request.Count > 0 || (line.Length > 0 && !line.StartsWith('#')))
            {
                request.Add(line);
            }
        }
        Assert.Empty(request);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadRequestIsAnsweredWithAnErrorAndChangesNothing(string request, string expected)
    {
        await using var ximss = await XimssHarness.CreateAsync();
        await ximss.CreateAccountAsync("bob@example.com");
        await ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("a"), XimssHarness.Message("b"), XimssHarness.Message("c"));
        var (bob, _, _) = await ximss.SessionAsync("bob@example.com");
        await ximss.SendAsync(bob, "<mailboxCreate id=\"c\" mailbox=\"Shared\"/>");
        await ximss.SendAsync(bob, "<mailboxAclUpdate id=\"a\" mailbox=\"Shared\"><aclEntry name=\"alice@example.com\">lr</aclEntry></mailboxAclUpdate>");
        var (alice, _, _) = await ximss.SessionAsync();
        await ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"/>");
        var before = await StoredAsync(ximss);

        var reply = await ximss.SendAsync(alice, request);

        Assert.Equal([expected], reply);
        Assert.Equal(before, await StoredAsync(ximss));
    }

    /// <summary>What the accounts hold: mailboxes with their counters, and the flags of alice's messages.</summary>
    private static async Task<string> StoredAsync(XimssHarness ximss)
    {
        var lists = new List<string>();
        foreach (var account in new[] { "alice@example.com", "bob@example.com" })
        {
            var (channel, _, _) = await ximss.SessionAsync(account);
            lists.AddRange(await ximss.SendAsync(channel, "<mailboxList id=\"l\" filter=\"*\"/>"));
            lists.AddRange(await ximss.SendAsync(channel, "<mailboxAclList id=\"l\" mailbox=\"INBOX\"/>"));
            await ximss.SendAsync(channel, "<bye id=\"b\"/>");
        }
        var flags = (await ximss.MessagesAsync("alice@example.com", "INBOX")).Select(m => $"{m.Uid}:{m.Flags}:{string.Join(',', m.Keywords)}");
        return string.Join("\n", [.. lists, .. flags]);
    }
}
