namespace Assistance.Infrastructure.Households;

using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Assistance.Domain.Households;

/// <summary>
/// A household's rows of the import's staging table (<see cref="HouseholdImportSql.CreateStaging"/>) in PostgreSQL's
/// binary COPY format, encoded without the connection so the import encodes on every core while parsing and the one
/// COPY stream only copies bytes (Npgsql's per-value importer, one parameter bound per field, was most of an import's
/// CPU). Money travels as whole fen (bigint; the aggregate holds whole fen only) and becomes numeric(…, 2) in the
/// INSERT … SELECT, so no numeric encoding is needed here. Column order is the one of <see cref="HouseholdImportSql.CopyStaging"/>.
/// </summary>
internal static class StagingRowEncoder
{
    private const short Columns = 27;
    private const int TextOid = 25;
    private const int Int8Oid = 20;
    private const int BoolOid = 16;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    /// <summary>Strict like Npgsql's: a string that is not valid UTF-16 fails instead of being altered.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file header of binary COPY: signature, flags, header extension length.</summary>
    public static ReadOnlyMemory<byte> Header { get; } = new byte[] { (byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 };

    /// <summary>The file trailer: a field count of -1.</summary>
    public static ReadOnlyMemory<byte> Trailer { get; } = new byte[] { 0xff, 0xff };

    /// <summary>One row per member; the household's own fields on its first member only.</summary>
    public static ReadOnlyMemory<byte> Encode(Household household, int line)
    {
        ArgumentNullException.ThrowIfNull(household);
        var buffer = new ArrayBufferWriter<byte>(256 * household.Members.Count);
        var region = household.Region.Value;
        for (var position = 0; position < household.Members.Count; position++)
        {
            var member = household.Members[position];
            var details = member.Details;
            Int16(buffer, Columns);
            Int32Field(buffer, line);
            UuidField(buffer, household.Id);
            TextField(buffer, region);
            Int32Field(buffer, position);
            if (position == 0)
            {
                TextField(buffer, household.Residence.ToString());
                TextField(buffer, household.Address);
                Int64Field(buffer, Fen(household.Assets.Financial));
                Int32Field(buffer, household.Assets.MotorVehicles);
                Int64Field(buffer, Fen(household.MonthlyRigidExpenditure));
            }
            else
            {
                for (var i = 0; i < 5; i++)
                {
                    Null(buffer);
                }
            }

            UuidField(buffer, member.Id);
            TextField(buffer, member.IdNumber.Value);
            TextField(buffer, details.Name);
            TextField(buffer, details.Relationship.ToString());
            Int32(buffer, 4);
            Int32(buffer, member.BirthDate.DayNumber - PostgresEpochDay);
            TextField(buffer, member.Sex.ToString());
            TextField(buffer, details.Status.ToString());
            TextField(buffer, details.LaborCapacity.ToString());
            if (details.Disability is { } disability)
            {
                TextField(buffer, disability.Category.ToString());
                Int32(buffer, 2);
                BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), checked((short)disability.Grade));
                buffer.Advance(2);
            }
            else
            {
                Null(buffer);
                Null(buffer);
            }

            BoolField(buffer, details.SeriousIllness);
            TextField(buffer, details.SelfCare.ToString());
            BoolField(buffer, details.InSchool);
            BoolField(buffer, details.Employed);
            BoolField(buffer, details.HasCapableSupporter);
            var incomes = details.Incomes;
            if (incomes.Count == 0)
            {
                Null(buffer);
                Null(buffer);
                Null(buffer);
            }
            else
            {
                var types = new string[incomes.Count];
                var typeBytes = 0;
                for (var i = 0; i < incomes.Count; i++)
                {
                    types[i] = incomes[i].Type.ToString();
                    typeBytes += 4 + Utf8.GetByteCount(types[i]);
                }

                ArrayHeader(buffer, typeBytes, TextOid, incomes.Count);
                foreach (var type in types)
                {
                    TextField(buffer, type);
                }

                ArrayHeader(buffer, incomes.Count * (4 + 8), Int8Oid, incomes.Count);
                foreach (var income in incomes)
                {
                    Int64Field(buffer, Fen(income.MonthlyAmount));
                }

                ArrayHeader(buffer, incomes.Count * (4 + 1), BoolOid, incomes.Count);
                foreach (var income in incomes)
                {
                    BoolField(buffer, income.Unstable);
                }
            }
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Yuan with at most two decimals as whole fen; anything else is a bug upstream, not rounded away.</summary>
    private static long Fen(decimal yuan)
    {
        var fen = yuan * 100m;
        return decimal.Truncate(fen) == fen ? decimal.ToInt64(fen) : throw new InvalidOperationException("An amount of money with more than two decimals reached the import's staging.");
    }

    /// <summary>A one-dimensional array without nulls: field length, then ndim, flags, element type, size, lower bound.</summary>
    private static void ArrayHeader(ArrayBufferWriter<byte> buffer, int elementBytes, int elementOid, int count)
    {
        Int32(buffer, 20 + elementBytes);
        Int32(buffer, 1);
        Int32(buffer, 0);
        Int32(buffer, elementOid);
        Int32(buffer, count);
        Int32(buffer, 1);
    }

    private static void Null(ArrayBufferWriter<byte> buffer) => Int32(buffer, -1);

    private static void Int16(ArrayBufferWriter<byte> buffer, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
    }

    private static void Int32(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void Int32Field(ArrayBufferWriter<byte> buffer, int value)
    {
        Int32(buffer, 4);
        Int32(buffer, value);
    }

    private static void Int64Field(ArrayBufferWriter<byte> buffer, long value)
    {
        Int32(buffer, 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void BoolField(ArrayBufferWriter<byte> buffer, bool value)
    {
        Int32(buffer, 1);
        buffer.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        buffer.Advance(1);
    }

    private static void UuidField(ArrayBufferWriter<byte> buffer, Guid value)
    {
        Int32(buffer, 16);
        value.TryWriteBytes(buffer.GetSpan(16), bigEndian: true, out _);
        buffer.Advance(16);
    }

    private static void TextField(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Utf8.GetByteCount(value);
        Int32(buffer, length);
        Utf8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
