using System.Buffers;
using System.Text;

namespace Postern.Data;

public static partial class DataParser
{
    /// <summary>The readers of datablocks and of the <c>#</c> forms: numbers, time stamps, IP addresses, the null-value.</summary>
    private sealed partial class Reader
    {
        private static readonly SearchValues<char> s_base64Chars =
            SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

        private DataBlock ReadDataBlocks()
        {
            var bytes = new List<byte>();
            do
            {
                var open = _position;
                var close = text.IndexOf(']', open + 1);
                if (close < 0)
                    throw Error("The datablock is not closed with ']'.");
                var base64 = new StringBuilder(close - open);
                for (var i = open + 1; i < close; i++)
                {
                    var c = text[i];
                    if (s_base64Chars.Contains(c))
                        base64.Append(c);
                    else if (c is not (' ' or '\t' or '\r' or '\n'))
                        throw Error($"{Describe(c)} is not a base64 character.", i);
                }
                try
                {
                    bytes.AddRange(Convert.FromBase64String(base64.ToString()));
                }
                catch (FormatException)
                {
                    throw Error("The datablock is not valid base64.", open);
                }
                _position = close + 1;
                SkipSpace();
            }
            while (!AtEnd && text[_position] == '[');
            return DataBlock.FromOwned([.. bytes]);
        }

        private DataValue ReadHashValue()
        {
            var start = _position;
            var rest = text.AsSpan(start + 1);
            if (rest.StartsWith("NULL#", StringComparison.OrdinalIgnoreCase))
            {
                _position += 6;
                return DataNull.Value;
            }
            if (rest.StartsWith("I[", StringComparison.Ordinal))
                return ReadIPAddress(start);
            if (rest.StartsWith("T", StringComparison.Ordinal))
                return ReadTimestamp(start);
            if (rest.StartsWith("(", StringComparison.Ordinal))
                throw Error("Foreign data objects #(...) are not supported.");
            return ReadNumber(start);
        }

        private DataNumber ReadNumber(int start)
        {
            _position = start + 1;
            if (!AtEnd && text[_position] is '-' or '+')
                _position++;
            var digitsStart = _position;
            while (!AtEnd && char.IsAsciiDigit(text[_position]))
                _position++;
            if (_position == digitsStart || (!AtEnd && DataSyntax.IsAtomChar(text[_position])))
                throw Error("A number is written # followed by decimal digits (#50, #-50); other # forms are #T, #I[ and #NULL#.", start);
            if (!long.TryParse(text.AsSpan(start + 1, _position - start - 1), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var number))
                throw Error("The number does not fit in 64 bits.", start);
            return new DataNumber(number);
        }

        private DataTimestamp ReadTimestamp(int start)
        {
            _position = start + 2;
            var wordStart = _position;
            while (!AtEnd && DataSyntax.IsAtomChar(text[_position]))
                _position++;
            var word = text.AsSpan(wordStart, _position - wordStart);
            if (word.Equals("PAST", StringComparison.OrdinalIgnoreCase))
                return DataTimestamp.RemotePast;
            if (word.Equals("FUTURE", StringComparison.OrdinalIgnoreCase))
                return DataTimestamp.RemoteFuture;
            if (!DataTimestampText.TryParse(word, out var moment))
                throw Error("A time stamp is written #Tdd-mm-yyyy_hh:mm:ss, #Tdd-mm-yyyy, #TPAST or #TFUTURE (GMT).", start);
            return new DataTimestamp(moment);
        }

        private DataIPAddress ReadIPAddress(int start)
        {
            var open = start + 2;
            var close = text.IndexOf(']', open + 1);
            if (close < 0)
                throw Error("The IP address is not closed with ']'.", start);
            if (!System.Net.IPAddress.TryParse(text.AsSpan(open + 1, close - open - 1), out var address)
                || text.AsSpan(open + 1, close - open - 1).ContainsAny('%', '/', ' '))
                throw Error("The text in #I[...] is not an IPv4 or IPv6 address.", open + 1);
            _position = close + 1;
            int? port = null;
            if (!AtEnd && text[_position] == ':')
            {
                var portStart = ++_position;
                while (!AtEnd && char.IsAsciiDigit(text[_position]))
                    _position++;
                if (_position == portStart || _position - portStart > 5
                    || !int.TryParse(text.AsSpan(portStart, _position - portStart), out var parsed) || parsed > 65535)
                    throw Error("The port after an IP address is a number from 0 to 65535.", portStart);
                port = parsed;
            }
            return new DataIPAddress(address, port);
        }
    }
}
