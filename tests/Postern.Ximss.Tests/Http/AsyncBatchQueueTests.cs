using System.Text;
using Postern.Ximss.Http;

namespace Postern.Ximss.Tests.Http;

public class AsyncBatchQueueTests
{
    private readonly AsyncBatchQueue _queue = new(maxPendingBytes: 4096);

    private static string Text(byte[]? batch) => batch is null ? "(none)" : Encoding.UTF8.GetString(batch);

    private void Post(string messages) => Assert.True(_queue.Append(Encoding.UTF8.GetBytes(messages)));

    [Fact]
    public void PendingMessagesGoOutAsTheFirstNumberedBatchWithoutTheirZeroBytes()
    {
        Post("<alert>a</alert>\0<alert>b</alert>\0");

        var start = _queue.Poll(acknowledged: 0);

        Assert.Equal("<XIMSS respSeq=\"1\"><alert>a</alert><alert>b</alert></XIMSS>", Text(start.Batch));
        Assert.Equal(0, _queue.PendingBytes);
    }

    [Fact]
    public void ABatchNotYetAcknowledgedIsSentAgain()
    {
        Post("<a/>\0");
        var first = _queue.Poll(0).Batch;

        var again = _queue.Poll(0).Batch;

        Assert.Equal(Text(first), Text(again));
    }

    [Fact]
    public async Task AcknowledgingTheBatchLetsTheNextPollWaitAndTheNextBatchIsNumberedTwo()
    {
        Post("<a/>\0");
        _queue.Poll(0);

        var wait = _queue.Poll(1);
        Assert.NotNull(wait.Waiter);
        Post("<b/>\0");

        Assert.Equal(PollWake.Messages, await wait.Waiter!.Task);
        Assert.Equal("<XIMSS respSeq=\"2\"><b/></XIMSS>", Text(_queue.TakeBatch()));
    }

    [Fact]
    public void APollWithoutAckSeqAcknowledgesEverythingKept()
    {
        Post("<a/>\0");
        _queue.Poll(0);

        Assert.NotNull(_queue.Poll(acknowledged: null).Waiter);
    }

    [Fact]
    public async Task ANewerPollReplacesTheParkedOne()
    {
        var first = _queue.Poll(0).Waiter!;

        var second = _queue.Poll(0).Waiter!;

        Assert.Equal(PollWake.Replaced, await first.Task);
        Assert.False(second.Task.IsCompleted);
    }

    [Fact]
    public async Task ClosingWakesTheParkedPollAndEndsLaterOnes()
    {
        var waiter = _queue.Poll(0).Waiter!;

        _queue.Close();

        Assert.Equal(PollWake.Ended, await waiter.Task);
        Assert.True(_queue.Poll(0).IsEnded);
    }

    [Fact]
    public void MessagesBeyondTheLimitAreRefusedAndNothingOfThemIsKept()
    {
        Post("<a/>\0");

        Assert.False(_queue.Append(new byte[4096]));
        Assert.Equal(4, _queue.PendingBytes);
    }

    [Fact]
    public void TakingPendingMessagesForASyncReplyLeavesNothingToPoll()
    {
        Post("<a/>\0<b/>\0");

        Assert.Equal("<a/><b/>", Encoding.UTF8.GetString(_queue.TakePending()));
        Assert.NotNull(_queue.Poll(0).Waiter);
    }

    [Fact]
    public void ACancelledWaitLeavesTheMessagesForTheNextPoll()
    {
        var waiter = _queue.Poll(0).Waiter!;
        _queue.CancelWait(waiter);

        Post("<a/>\0");

        Assert.False(waiter.Task.IsCompleted);
        Assert.Equal("<XIMSS respSeq=\"1\"><a/></XIMSS>", Text(_queue.Poll(0).Batch));
    }
}
