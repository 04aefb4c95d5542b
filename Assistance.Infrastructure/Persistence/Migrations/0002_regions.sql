-- Reference data: the regions of the five seed jurisdictions (GB/T 2260 codes; townships GB/T 10114).
-- A production register loads the full code list the same way.
INSERT INTO regions (code, name, parent_code, level) VALUES
    ('000000', '全国', NULL, 'National'),
    ('320000', '江苏省', '000000', 'Province'),
    ('320600', '南通市', '320000', 'City'),
    ('320682', '如皋市', '320600', 'County'),
    ('320682001', '如城街道', '320682', 'Township'),
    ('320682002', '城北街道', '320682', 'Township'),
    ('320682100', '长江镇', '320682', 'Township'),
    ('320400', '常州市', '320000', 'City'),
    ('320402', '天宁区', '320400', 'County'),
    ('610000', '陕西省', '000000', 'Province'),
    ('610100', '西安市', '610000', 'City'),
    ('340000', '安徽省', '000000', 'Province'),
    ('340300', '蚌埠市', '340000', 'City'),
    ('340302', '龙子湖区', '340300', 'County'),
    ('230000', '黑龙江省', '000000', 'Province'),
    ('230100', '哈尔滨市', '230000', 'City'),
    ('460000', '海南省', '000000', 'Province'),
    ('469001', '五指山市', '460000', 'County');
