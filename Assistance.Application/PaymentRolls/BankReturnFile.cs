namespace Assistance.Application.PaymentRolls;

using System.Text;
using Assistance.Domain.Payments;

/// <summary>
/// The bank's return file (回盘文件): UTF-8 CSV with the header <c>lineId,status,reference,reason</c>, one row per line:
/// the line id of the export, Paid or Failed, the bank's reference (optional) and, for Failed, the reason. Fields may
/// be quoted ("…", "" for a quote). A line appears once per file.
/// </summary>
public static class BankReturnFile
{
    public const string Header = "lineId,status,reference,reason";

    public const int MaxRows = 20_000;

    public static (IReadOnlyList<LineReturn> Rows, IReadOnlyList<string> Errors) Parse(string? csv)
    {
        var rows = new List<LineReturn>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(csv))
        {
            return (rows, ["The file is empty: it needs the header " + Header + " and at least one row."]);
        }

        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Split('\n');
        if (!string.Equals(lines[0].Trim(), Header, StringComparison.OrdinalIgnoreCase))
        {
            return (rows, ["The first row must be the header " + Header + "."]);
        }

        var seen = new HashSet<Guid>();
        for (var i = 1; i < lines.Length && errors.Count < 20; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var number = i + 1;
            var fields = Fields(lines[i]);
            if (fields is null || fields.Count != 4)
            {
                errors.Add($"Row {number}: expected 4 fields (lineId,status,reference,reason).");
                continue;
            }

            if (!Guid.TryParse(fields[0], out var id))
            {
                errors.Add($"Row {number}: lineId is not a line id.");
                continue;
            }

            if (!Enum.TryParse<PaymentLineStatus>(fields[1], false, out var status) || status == PaymentLineStatus.Pending || !Enum.IsDefined(status))
            {
                errors.Add($"Row {number}: status must be Paid or Failed.");
                continue;
            }

            var reference = fields[2].Length == 0 ? null : fields[2];
            var reason = fields[3].Length == 0 ? null : fields[3];
            if (status == PaymentLineStatus.Failed && reason is null)
            {
                errors.Add($"Row {number}: a Failed line needs the bank's reason.");
            }
            else if (reference?.Length > 100 || reason?.Length > 500)
            {
                errors.Add($"Row {number}: reference is at most 100 and reason at most 500 characters.");
            }
            else if (!seen.Add(id))
            {
                errors.Add($"Row {number}: the line appears twice in the file.");
            }
            else
            {
                rows.Add(new LineReturn(id, status, reference, reason));
            }
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add("The file has no rows.");
        }

        if (rows.Count > MaxRows)
        {
            errors.Add($"At most {MaxRows} rows per file; send the return in several files.");
        }

        return (rows, errors);
    }

    private static List<string>? Fields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
