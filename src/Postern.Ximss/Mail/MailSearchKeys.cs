using Postern.Mail.Search;
using Postern.Ximss.Protocol.Values.Search;
using StoredUidRange = Postern.Storage.UidRange;
using WireDateField = Postern.Ximss.Protocol.Values.Search.SearchDateField;

namespace Postern.Ximss.Mail;

/// <summary>
/// The codec's <c>folderSearch</c> tree (IMAP SEARCH keys, docs/ximss.md §8.3) as the mail services'
/// search criteria, key for key (docs/mail.md, Search).
/// </summary>
internal static class MailSearchKeys
{
    public static SearchCriteria ToCriteria(SearchKey key) => key switch
    {
        SearchKey.All => new SearchCriteria.All(),
        SearchKey.HasFlag(var flag, var present) => new SearchCriteria.Flag(MailFlags.ToStored(flag), present),
        SearchKey.HasKeyword(var keyword, var present) => new SearchCriteria.Keyword(keyword, present),
        SearchKey.HeaderContains(var field, var value) => new SearchCriteria.HeaderContains(field, value),
        SearchKey.BodyContains(var value) => new SearchCriteria.BodyContains(value),
        SearchKey.TextContains(var value) => new SearchCriteria.TextContains(value),
        SearchKey.DateCompare(var field, var comparison, var date) => new SearchCriteria.Date(
            field == WireDateField.Internal ? Postern.Mail.Search.SearchDateField.Internal : Postern.Mail.Search.SearchDateField.Sent,
            comparison switch
            {
                SearchDateComparison.Before => SearchDateRelation.Before,
                SearchDateComparison.On => SearchDateRelation.On,
                _ => SearchDateRelation.Since,
            },
            date),
        SearchKey.Larger(var octets) => new SearchCriteria.Larger(octets),
        SearchKey.Smaller(var octets) => new SearchCriteria.Smaller(octets),
        SearchKey.UidIn(var uids) => new SearchCriteria.Uids(uids.Ranges.Select(r => new StoredUidRange(r.First, r.Last)).ToArray()),
        SearchKey.Not(var operand) => new SearchCriteria.Not(ToCriteria(operand)),
        SearchKey.Or(var left, var right) => new SearchCriteria.Or(ToCriteria(left), ToCriteria(right)),
        SearchKey.And(var operands) => new SearchCriteria.And(operands.Select(ToCriteria).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "a search key the mapping does not know"),
    };
}
