using Postern.Mime.Headers;

namespace Postern.Mime.Summary;

/// <summary>Reads a message's priority from the header fields mailers use for it.</summary>
public static class PriorityReader
{
    /// <summary>
    /// The priority from, in this order: <c>X-Priority</c> (1–2 high, 4–5 low), <c>Importance</c>
    /// (RFC 2156 §5.3: high/low), <c>Priority</c> (RFC 2156 §5.3: urgent/non-urgent),
    /// <c>X-MSMail-Priority</c> (High/Low). The first field present decides.
    /// </summary>
    public static MessagePriority Read(HeaderList headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.GetText("X-Priority") is { } xPriority)
        {
            var digit = xPriority.TrimStart().FirstOrDefault();
            return digit switch
            {
                '1' or '2' => MessagePriority.High,
                '4' or '5' => MessagePriority.Low,
                _ => MessagePriority.Normal,
            };
        }

        if (headers.GetText("Importance") is { } importance)
        {
            return FromWord(importance, "high", "low");
        }

        if (headers.GetText("Priority") is { } priority)
        {
            return FromWord(priority, "urgent", "non-urgent");
        }

        return headers.GetText("X-MSMail-Priority") is { } msPriority ? FromWord(msPriority, "high", "low") : MessagePriority.Normal;
    }

    private static MessagePriority FromWord(string value, string high, string low)
    {
        var word = value.Trim();
        return word.Equals(high, StringComparison.OrdinalIgnoreCase) ? MessagePriority.High
            : word.Equals(low, StringComparison.OrdinalIgnoreCase) ? MessagePriority.Low
            : MessagePriority.Normal;
    }
}
