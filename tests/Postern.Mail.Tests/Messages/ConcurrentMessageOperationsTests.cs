using System.Collections.Concurrent;
using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Storage;

namespace Postern.Mail.Tests.Messages;

/// <summary>
/// Sessions of the owner and of a user with ACL rights mark, move, copy, remove and expunge the same messages at
/// once; afterwards every message is where the operations' results say, nothing is lost or duplicated, and every
/// counter, UID and folder view agrees with the store.
/// </summary>
public class ConcurrentMessageOperationsTests : MailContext
{
    private const int Messages = 40;
    private const int Rounds = 60;

    private static readonly string[] Busy = ["INBOX", "Work"];

    // (mailbox, UID) → Message-ID of every message a worker has seen or a move has created: UIDs are never reused.
    private readonly ConcurrentDictionary<(long Mailbox, uint Uid), string> _identity = new();
    private readonly ConcurrentBag<(long Mailbox, uint Uid)> _erased = [];
    private readonly ConcurrentBag<(long Mailbox, uint Uid)> _leftToTrash = [];
    private readonly ConcurrentBag<(long Mailbox, uint Uid)> _movedOut = [];
    private readonly ConcurrentBag<(long Mailbox, uint Uid)> _movedIn = [];
    private int _copies;

    [Fact]
    public async Task OwnerAndSharerWorkingOnTheSameMessagesNeverLoseOrDuplicateOne()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.CreateAsync(alice, "Work", MailboxClass.Mail, Ct);
        await Mailboxes.CreateAsync(alice, "Archive", MailboxClass.Mail, Ct);
        foreach (var name in new[] { "INBOX", "Work", "Archive" })
            await Mailboxes.UpdateAclAsync(alice, name, [new MailboxAclChange("bob@example.com", MailboxAclChangeMode.Set, MailboxRightsText.Parse("lrswipd"))], Ct);
        var originals = Enumerable.Range(0, Messages).Select(i => TestMail.Message($"message {i}")).ToArray();
        await AppendAsync(alice, "INBOX", originals[..(Messages / 2)]);
        await AppendAsync(alice, "Work", originals[(Messages / 2)..]);
        var ids = new HashSet<string>();
        foreach (var name in Busy)
            ids.UnionWith((await RecordsAsync(await MailboxAsync(alice, name))).Select(r => r.Summary.MessageId!));
        Assert.Equal(Messages, ids.Count);

        var views = new List<FolderView>();
        var workers = new List<Task>();
        for (var worker = 0; worker < 4; worker++)
        {
            var user = worker % 2 == 0 ? alice : bob;
            var prefix = user == alice ? "" : "~alice@example.com/";
            var view = await Folders.OpenAsync(user, prefix + "INBOX", FolderViewDefinition.Default, null, null, Ct);
            views.Add(view);
            workers.Add(Task.Run(() => WorkAsync(user, prefix, view, new Random(worker))));
        }
        await Task.WhenAll(workers);

        await AssertEveryMessageIsWhereTheResultsSayAsync(alice, bob, ids);
        var inbox = await MailboxAsync(alice);
        foreach (var view in views)
        {
            await view.SyncAsync([], null, Ct);
            Assert.Equal(await UidsAsync(inbox), view.Uids.Order());
        }
    }

    private async Task WorkAsync(MailUser user, string prefix, FolderView view, Random random)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var name = Busy[random.Next(Busy.Length)];
            var mailbox = await Access.GetAsync(user, prefix + name, Ct);
            var records = await RecordsAsync(mailbox);
            foreach (var record in records)
                _identity.TryAdd((mailbox.Id, record.Uid), record.Summary.MessageId!);
            // A few UIDs the other workers are likely to pick too, now and then one that is already gone.
            var uids = records.Select(r => r.Uid).Where(_ => random.Next(3) == 0).Append(records.Count == 0 ? 1u : records[^1].Uid + 1).ToArray();
            switch (random.Next(9))
            {
                case 0:
                    await Operations.MarkAsync(user, mailbox, uids, random.Next(2) == 0 ? FlagUpdate.Adding(MessageFlags.Seen) : FlagUpdate.Removing(MessageFlags.Seen), Ct);
                    break;
                case 1:
                    await Operations.MarkAsync(user, mailbox, uids, random.Next(2) == 0 ? FlagUpdate.Adding(MessageFlags.Deleted) : FlagUpdate.Removing(MessageFlags.Deleted), Ct);
                    break;
                case 2:
                case 3:
                    var target = await Access.GetAsync(user, prefix + Busy.Single(b => b != name), Ct);
                    foreach (var moved in await Operations.MoveAsync(user, mailbox, uids, target.Name, null, Ct))
                    {
                        // Another worker may have listed the new UID already; it must have seen the same message.
                        var id = _identity[(mailbox.Id, moved.SourceUid)];
                        Assert.Equal(id, _identity.GetOrAdd((target.Id, moved.TargetUid), id));
                        _movedIn.Add((target.Id, moved.TargetUid));
                        _movedOut.Add((mailbox.Id, moved.SourceUid));
                    }
                    break;
                case 4:
                    Interlocked.Add(ref _copies, (await Operations.CopyAsync(user, mailbox, uids, prefix + "Archive", null, Ct)).Count);
                    break;
                case 5:
                    foreach (var uid in (await Operations.RemoveAsync(user, mailbox, uids, DeleteMethod.MoveToTrash, Ct)).Removed)
                        _leftToTrash.Add((mailbox.Id, uid));
                    break;
                case 6:
                    foreach (var uid in (await Operations.RemoveAsync(user, mailbox, uids, DeleteMethod.Immediately, Ct)).Removed)
                        _erased.Add((mailbox.Id, uid));
                    break;
                case 7:
                    foreach (var uid in await Operations.ExpungeAsync(user, mailbox, Ct))
                        _erased.Add((mailbox.Id, uid));
                    break;
                default:
                    await view.SyncAsync([], null, Ct);
                    break;
            }
        }
    }

    private async Task AssertEveryMessageIsWhereTheResultsSayAsync(MailUser alice, MailUser bob, HashSet<string> ids)
    {
        // No message left its mailbox twice (by two moves, a move and an erase…), and no UID was given twice.
        var gone = _erased.Concat(_leftToTrash).Concat(_movedOut).ToList();
        Assert.Equal(gone.Count, gone.Distinct().Count());
        Assert.Equal(_movedIn.Count, _movedIn.Distinct().Count());

        var erasedIds = _erased.Select(key => _identity[key]).ToList();
        var trashed = new List<string>();
        foreach (var trash in new[] { await MailboxAsync(alice, "Trash"), await MailboxAsync(bob, "Trash") })
            trashed.AddRange((await RecordsAsync(trash)).Select(r => r.Summary.MessageId!));
        Assert.Equal(_leftToTrash.Select(key => _identity[key]).Order(), trashed.Order());

        var kept = new List<string>();
        foreach (var name in Busy)
        {
            var mailbox = await MailboxAsync(alice, name);
            foreach (var record in await RecordsAsync(mailbox))
            {
                // Every message in place is the one the operations' results put there.
                if (_identity.TryGetValue((mailbox.Id, record.Uid), out var expected))
                    Assert.Equal(expected, record.Summary.MessageId);
                kept.Add(record.Summary.MessageId!);
            }
        }
        // Every original is in exactly one place: kept, in a Trash, or erased on purpose.
        Assert.Equal(ids.Order(), kept.Concat(trashed).Concat(erasedIds).Order());

        var archive = await RecordsAsync(await MailboxAsync(alice, "Archive"));
        Assert.Equal(_copies, archive.Count);
        Assert.All(archive, r => Assert.Contains(r.Summary.MessageId!, ids));

        foreach (var name in new[] { "INBOX", "Work", "Archive", "Trash" })
            await AssertCountersMatchARecountAsync(await MailboxAsync(alice, name));
        await AssertCountersMatchARecountAsync(await MailboxAsync(bob, "Trash"));
    }

    private async Task AssertCountersMatchARecountAsync(AccessibleMailbox mailbox)
    {
        var stored = (await Store.Mailboxes.GetAsync(mailbox.Id, Ct))!;
        var records = await RecordsAsync(mailbox);
        Assert.Equal(
            (records.Count, records.Count(r => (r.Flags & MessageFlags.Seen) == 0), records.Sum(r => r.Size)),
            (stored.MessageCount, stored.UnseenCount, stored.TotalSize));
        Assert.Equal(records.Count, records.Select(r => r.Uid).Distinct().Count());
        Assert.All(records, r => Assert.True(r.Uid < stored.UidNext, $"UID {r.Uid} is not below UIDNEXT {stored.UidNext}"));
    }

    private async Task<uint[]> UidsAsync(AccessibleMailbox mailbox) =>
        (await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid).ToArray();

    private async Task<IReadOnlyList<MessageRecord>> RecordsAsync(AccessibleMailbox mailbox) =>
        await Store.Messages.GetAsync(mailbox.Id, await UidsAsync(mailbox), Ct);
}
