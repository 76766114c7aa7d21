using System.Collections.Concurrent;
using System.Xml.Linq;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// Several XIMSS sessions of one account and of a user it shares its mailboxes with mark, move, copy, remove and
/// expunge the same messages at once; afterwards no message is lost or duplicated, counters match a recount, and
/// every session's synced folders match the store.
/// </summary>
public class XimssConcurrentMailTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>
{
    private const int Messages = 30;
    private const int Rounds = 25;
    private const string Fields = "<field>Subject</field><field>FLAGS</field><field>SIZE</field>";

    // Subjects some session asked to erase (removed Immediately, or marked Deleted before an expunge).
    private readonly ConcurrentDictionary<string, bool> _erasable = new();

    [Fact]
    public async Task SessionsOfTheOwnerAndOfASharerWorkingOnTheSameMessagesNeverLoseOrDuplicateOne()
    {
        await server.CreateAccountAsync("owner@example.com");
        await server.CreateAccountAsync("sharer@example.com");
        await using (var setup = await XimssMailClient.LoginAsync(server, "tcp", "owner@example.com"))
        {
            foreach (var name in new[] { "Work", "Archive" })
                AssertOk(await setup.RequestAsync("c", $"<mailboxCreate id=\"c\" mailbox=\"{name}\"/>"));
            foreach (var name in new[] { "INBOX", "Work", "Archive" })
                AssertOk(await setup.RequestAsync("a", $"<mailboxAclUpdate id=\"a\" mailbox=\"{name}\"><aclEntry name=\"sharer@example.com\">lrswipd</aclEntry></mailboxAclUpdate>"));
            for (var i = 0; i < Messages; i++)
            {
                AssertOk(await setup.RequestAsync("p", $"<messageAppend id=\"p\" targetMailbox=\"{(i % 2 == 0 ? "INBOX" : "Work")}\"><EMail><From>x@example.org</From>"
                    + $"<Subject>m{i}</Subject><MIME type=\"text\" subtype=\"plain\">Body {i}.</MIME></EMail></messageAppend>"));
            }
        }

        var sessions = new (string User, string Binding, string Prefix)[]
        {
            ("owner@example.com", "tcp", ""), ("owner@example.com", "http", ""), ("sharer@example.com", "tcp", "~owner@example.com/"), ("sharer@example.com", "http", "~owner@example.com/"),
        };
        var workers = sessions.Select((s, n) => Task.Run(() => WorkAsync(s.User, s.Binding, s.Prefix, new Random(n)))).ToArray();
        var views = await Task.WhenAll(workers);

        await using var owner = await XimssMailClient.LoginAsync(server, "tcp", "owner@example.com");
        await using var sharer = await XimssMailClient.LoginAsync(server, "tcp", "sharer@example.com");
        var inbox = await ReadMailboxAsync(owner, "INBOX");
        var work = await ReadMailboxAsync(owner, "Work");
        var kept = inbox.Values.Concat(work.Values).Concat((await ReadMailboxAsync(owner, "Trash")).Values).Concat((await ReadMailboxAsync(sharer, "Trash")).Values)
            .Select(m => m.Subject).ToList();
        // No message is in two places, and one that is nowhere was erased on purpose.
        Assert.Equal(kept.Count, kept.Distinct().Count());
        Assert.All(Enumerable.Range(0, Messages).Select(i => $"m{i}").Except(kept), subject => Assert.True(_erasable.ContainsKey(subject), $"{subject} was lost"));
        Assert.All((await ReadMailboxAsync(owner, "Archive")).Values, m => Assert.Matches("^m[0-9]+$", m.Subject));

        // Every session's views, once synced, are the mailboxes as stored.
        foreach (var view in views)
        {
            Assert.Equal(inbox.ToDictionary(m => m.Key, m => m.Value.Subject), view["INBOX"]);
            Assert.Equal(work.ToDictionary(m => m.Key, m => m.Value.Subject), view["Work"]);
        }
    }

    /// <summary>One session's rounds; returns its folders after a final sync, as UID → subject.</summary>
    private async Task<Dictionary<string, Dictionary<uint, string>>> WorkAsync(string user, string binding, string prefix, Random random)
    {
        await using var client = await XimssMailClient.LoginAsync(server, binding, user);
        var folders = new Dictionary<string, Dictionary<uint, string>>();
        foreach (var name in new[] { "INBOX", "Work" })
            folders[name] = Rows(await client.RequestAsync("o", $"<folderOpen id=\"o\" folder=\"{name}\" mailbox=\"{prefix}{name}\">{Fields}</folderOpen>"), [])
                .ToDictionary(r => r.Uid, r => r.Subject);
        // Brings the browse of a fresh open: the open reports nothing but counters.
        foreach (var (name, view) in folders)
            Browse(await client.RequestAsync("b", $"<folderBrowse id=\"b\" folder=\"{name}\"><index from=\"0\" till=\"999\"/></folderBrowse>"), view);

        for (var round = 0; round < Rounds; round++)
        {
            var name = random.Next(2) == 0 ? "INBOX" : "Work";
            var view = folders[name];
            await SyncAsync(client, name, view);
            var picked = view.Where(_ => random.Next(3) == 0).ToArray();
            // Besides UIDs other sessions may have just moved or erased, one that never existed: the store skips them.
            var uids = string.Concat(picked.Select(p => p.Key).Append(999_999u).Select(uid => $"<UID>{uid}</UID>"));
            var request = random.Next(8) switch
            {
                0 => $"<messageMark id=\"r\" folder=\"{name}\" flags=\"{(random.Next(2) == 0 ? "Seen" : "Unseen")}\">{uids}</messageMark>",
                1 => Erasing(picked, $"<messageMark id=\"r\" folder=\"{name}\" flags=\"Deleted\">{uids}</messageMark>"),
                2 or 3 => $"<messageMove id=\"r\" folder=\"{name}\" targetMailbox=\"{prefix}{(name == "INBOX" ? "Work" : "INBOX")}\">{uids}</messageMove>",
                4 => $"<messageCopy id=\"r\" folder=\"{name}\" targetMailbox=\"{prefix}Archive\">{uids}</messageCopy>",
                5 => $"<messageRemove id=\"r\" folder=\"{name}\">{uids}</messageRemove>",
                6 => Erasing(picked, $"<messageRemove id=\"r\" folder=\"{name}\" mode=\"Immediately\">{uids}</messageRemove>"),
                _ => $"<folderExpunge id=\"r\" folder=\"{name}\"/>",
            };
            AssertOk(await client.RequestAsync("r", request));
        }
        foreach (var (name, view) in folders)
            await SyncAsync(client, name, view);
        return folders;
    }

    private string Erasing(KeyValuePair<uint, string>[] picked, string request)
    {
        foreach (var (_, subject) in picked)
            _erasable[subject] = true;
        return request;
    }

    private static async Task SyncAsync(XimssMailClient client, string folder, Dictionary<uint, string> view)
    {
        foreach (var report in (await client.RequestAsync("y", $"<folderSync id=\"y\" folder=\"{folder}\"/>")).SkipLast(1).Select(XElement.Parse))
        {
            var uid = (uint)report.Attribute("UID")!;
            if ((string?)report.Attribute("mode") == "removed")
                view.Remove(uid);
            else if ((string?)report.Element("Subject") is { } subject)
                view[uid] = subject;
        }
    }

    /// <summary>A mailbox as a fresh view shows it, checked against the counters its listing gives.</summary>
    private static async Task<Dictionary<uint, (string Subject, bool Seen, long Size)>> ReadMailboxAsync(XimssMailClient client, string name)
    {
        var folder = $"check-{name}";
        AssertOk(await client.RequestAsync("o", $"<folderOpen id=\"o\" folder=\"{folder}\" mailbox=\"{name}\">{Fields}</folderOpen>"));
        var rows = Rows(await client.RequestAsync("b", $"<folderBrowse id=\"b\" folder=\"{folder}\"><index from=\"0\" till=\"999\"/></folderBrowse>"), []);
        AssertOk(await client.RequestAsync("c", $"<folderClose id=\"c\" folder=\"{folder}\"/>"));
        var listing = XElement.Parse((await client.RequestAsync("l", $"<mailboxList id=\"l\" filter=\"{name}\"/>"))[0]);
        Assert.Equal(rows.Count, rows.Select(r => r.Uid).Distinct().Count());
        Assert.Equal(
            (rows.Count, rows.Count(r => !r.Seen), rows.Sum(r => r.Size)),
            ((int)listing.Attribute("Messages")!, (int)listing.Attribute("Unseen")!, (long)listing.Attribute("Size")!));
        Assert.All(rows, r => Assert.True(r.Uid < (uint)listing.Attribute("UIDNext")!, $"UID {r.Uid} in {name} is not below UIDNext"));
        return rows.ToDictionary(r => r.Uid, r => (r.Subject, r.Seen, r.Size));
    }

    private static List<(uint Uid, string Subject, bool Seen, long Size)> Rows(List<string> reply, List<(uint, string, bool, long)> rows)
    {
        foreach (var report in reply.SkipLast(1).Select(XElement.Parse).Where(r => r.Attribute("UID") is not null))
        {
            var flags = (string?)report.Element("FLAGS") ?? "";
            rows.Add(((uint)report.Attribute("UID")!, (string)report.Element("Subject")!, flags.Split(',').Contains("Seen"), (long)report.Element("SIZE")!));
        }
        return rows;
    }

    private static void Browse(List<string> reply, Dictionary<uint, string> view)
    {
        foreach (var (uid, subject, _, _) in Rows(reply, []))
            view[uid] = subject;
    }

    private static void AssertOk(List<string> reply) => Assert.Matches("^<response id=\"[a-z]\"/>$", reply[^1]);
}
