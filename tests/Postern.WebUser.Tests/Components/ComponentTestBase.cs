using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Tests.Components;

/// <summary>A test context with one account and a session of it, for running components.</summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    internal WebUserTestContext Web { get; } = new();

    protected AccountRecord Account { get; private set; } = null!;

    protected WebUserSession Session { get; private set; } = null!;

    protected static CancellationToken Ct => WebUserTestContext.Ct;

    public virtual async Task InitializeAsync()
    {
        await Web.InitializeAsync();
        Account = await Web.CreateAccountAsync("alice", "Alice Liddell");
        Session = await Web.OpenSessionAsync(Account);
    }

    public Task DisposeAsync() => Web.DisposeAsync();

    /// <summary>Appends a message to one of the account's mailboxes and returns its UID.</summary>
    protected async Task<uint> AppendAsync(string mailbox, byte[] content, MessageFlags flags = MessageFlags.None, DateTimeOffset? received = null)
    {
        var box = await Web.Services.Mailboxes.GetAsync(Account, mailbox, Ct);
        var appended = await Web.Provider.GetRequiredService<MessageAppender>().AppendAsync(box, content, flags, [], received, Ct);
        return appended.Uid;
    }

    /// <summary>Appends a file from <c>TestData/messages/</c>.</summary>
    protected Task<uint> AppendFileAsync(string mailbox, string file, MessageFlags flags = MessageFlags.None) =>
        AppendAsync(mailbox, TestData.Bytes("messages", file), flags);

    /// <summary>A small text message.</summary>
    protected static byte[] TextMessage(string from, string subject, string body = "Hello.") =>
        Encoding.UTF8.GetBytes($"From: {from}\r\nTo: alice@example.com\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
}
