"""The value parser on written values, one row per case (style guide practice 10).

Each row: text, kind, op, value, value_max, unit, scale, date — parsed with the
document's fiscal year 2021. Every example of issue 3 is here; a new sample that
breaks a rule adds a row.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jixiao.normalize.records import ParsedValue
from jixiao.normalize.value_parser import is_unparsed, parse_value

FISCAL_YEAR = 2021

ROWS = [
    # the examples of issue 3 and the seed report
    ('95%以上', 'percent', '>=', 95, None, '%', 1, None),
    ('1-2%', 'percent', 'range', 1, 2, '%', 1, None),
    ('13000批次', 'number', '=', 13000, None, '批次', 1, None),
    ('2021年12月底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('≥4家', 'number', '>=', 4, None, '家', 1, None),
    ('100%', 'percent', '=', 100, None, '%', 1, None),
    ('90%以上', 'percent', '>=', 90, None, '%', 1, None),
    ('85%以上', 'percent', '>=', 85, None, '%', 1, None),
    ('95%', 'percent', '=', 95, None, '%', 1, None),
    ('20%', 'percent', '=', 20, None, '%', 1, None),
    ('2953人', 'number', '=', 2953, None, '人', 1, None),
    ('11家', 'number', '=', 11, None, '家', 1, None),
    ('102家', 'number', '=', 102, None, '家', 1, None),
    ('17家', 'number', '=', 17, None, '家', 1, None),
    ('11000件', 'number', '=', 11000, None, '件', 1, None),
    ('50人', 'number', '=', 50, None, '人', 1, None),
    ('10人', 'number', '=', 10, None, '人', 1, None),
    ('10', 'number', '=', 10, None, None, 1, None),
    ('1000万', 'number', '=', 10000000, None, None, 10000, None),
    ('5000万', 'number', '=', 50000000, None, None, 10000, None),
    ('100万', 'number', '=', 1000000, None, None, 10000, None),
    ('41万台件', 'number', '=', 410000, None, '台件', 10000, None),
    ('抽检数不低于5.5份/千人', 'number', '>=', 5.5, None, '份/千人', 1, None),
    ('每个行政村和居民社区1名协管员（1000人以上的2人）', 'number', '=', 1, None, '名', 1, None),
    ('5000万元', 'number', '=', 50000000, None, '元', 10000, None),
    ('三家', 'number', '=', 3, None, '家', 1, None),
    ('两个', 'number', '=', 2, None, '个', 1, None),
    ('十二项', 'number', '=', 12, None, '项', 1, None),
    ('一百二十万', 'number', '=', 1200000, None, None, 10000, None),
    ('百分之九十', 'percent', '=', 90, None, '%', 1, None),
    ('九成', 'percent', '=', 90, None, '%', 10, None),
    ('2024年6月30日前', 'date', '<=', None, None, None, None, dt.date(2024, 6, 30)),
    ('2023年底', 'date', '=', None, None, None, None, dt.date(2023, 12, 31)),
    ('12月31日前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('年底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('第三季度末', 'date', '=', None, None, None, None, dt.date(2021, 9, 30)),
    ('上半年', 'date', '=', None, None, None, None, dt.date(2021, 6, 30)),
    ('3个工作日', 'number', '=', 3, None, '工作日', 1, None),
    ('24小时内', 'number', '<=', 24, None, '小时', 1, None),
    ('1.1个百分点', 'percent', '=', 1.1, None, '百分点', 1, None),
    ('5‰', 'percent', '=', 5, None, '‰', 1, None),
    # qualitative values: text, op None, no warning
    ('有效提升', 'text', None, None, None, None, None, None),
    ('逐步改善', 'text', None, None, None, None, None, None),
    ('良好', 'text', None, None, None, None, None, None),
    ('健全', 'text', None, None, None, None, None, None),
    ('是', 'text', None, None, None, None, None, None),
    ('否', 'text', None, None, None, None, None, None),
    ('优', 'text', None, None, None, None, None, None),
    ('显著提高', 'text', None, None, None, None, None, None),
    ('稳步推进', 'text', None, None, None, None, None, None),
    ('合格', 'text', None, None, None, None, None, None),
    ('达标', 'status', '=', 1, None, None, None, None),  # a completion word (normalize/vocab/statuses.tsv)
    ('按时完成', 'status', '=', 1, None, None, None, None),
    ('持续改善', 'text', None, None, None, None, None, None),
    ('明显改善', 'text', None, None, None, None, None, None),
    ('—', 'text', None, None, None, None, None, None),
    ('/', 'text', None, None, None, None, None, None),
    ('无', 'text', None, None, None, None, None, None),
    ('十四五', 'text', None, None, None, None, None, None),
    ('三大战略', 'text', None, None, None, None, None, None),
    ('≥', 'text', None, None, None, None, None, None),
    ('以上', 'text', None, None, None, None, None, None),
    ('约若干', 'text', None, None, None, None, None, None),
    ('较上年有所提高', 'text', None, None, None, None, None, None),
    # comparator words and symbols, before and after the number
    ('10家以上', 'number', '>=', 10, None, '家', 1, None),
    ('不低于95%', 'percent', '>=', 95, None, '%', 1, None),
    ('不少于20人', 'number', '>=', 20, None, '人', 1, None),
    ('至少3次', 'number', '>=', 3, None, '次', 1, None),
    ('达到98%', 'percent', '>=', 98, None, '%', 1, None),
    ('≥90%', 'percent', '>=', 90, None, '%', 1, None),
    ('>=90%', 'percent', '>=', 90, None, '%', 1, None),
    ('＞=85%', 'percent', '>=', 85, None, '%', 1, None),
    ('≧95%', 'percent', '>=', 95, None, '%', 1, None),
    ('大于等于90%', 'percent', '>=', 90, None, '%', 1, None),
    ('5%以下', 'percent', '<=', 5, None, '%', 1, None),
    ('3%以内', 'percent', '<=', 3, None, '%', 1, None),
    ('不高于2%', 'percent', '<=', 2, None, '%', 1, None),
    ('不超过10天', 'number', '<=', 10, None, '天', 1, None),
    ('控制在5%以内', 'percent', '<=', 5, None, '%', 1, None),
    ('≤3个工作日', 'number', '<=', 3, None, '工作日', 1, None),
    ('<=7天', 'number', '<=', 7, None, '天', 1, None),
    ('小于等于5%', 'percent', '<=', 5, None, '%', 1, None),
    ('大于80%', 'percent', '>', 80, None, '%', 1, None),
    ('高于85%', 'percent', '>', 85, None, '%', 1, None),
    ('超过1000人次', 'number', '>', 1000, None, '人次', 1, None),
    ('小于5%', 'percent', '<', 5, None, '%', 1, None),
    ('低于3‰', 'percent', '<', 3, None, '‰', 1, None),
    ('10%左右', 'percent', '~', 10, None, '%', 1, None),
    ('约500户', 'number', '~', 500, None, '户', 1, None),
    ('大约20场', 'number', '~', 20, None, '场', 1, None),
    ('=100%', 'percent', '=', 100, None, '%', 1, None),
    ('100余家', 'number', '>', 100, None, '家', 1, None),
    ('达95%', 'percent', '>=', 95, None, '%', 1, None),
    ('逾100人', 'number', '>', 100, None, '人', 1, None),
    ('最低5000元', 'number', '>=', 5000, None, '元', 1, None),
    ('最高不超过5万元', 'number', '<=', 50000, None, '元', 10000, None),
    ('≈95%', 'percent', '~', 95, None, '%', 1, None),
    ('10多人', 'number', '>', 10, None, '人', 1, None),
    # ranges
    ('1%-2%', 'percent', 'range', 1, 2, '%', 1, None),
    ('20%-30%', 'percent', 'range', 20, 30, '%', 1, None),
    ('3–5天', 'number', 'range', 3, 5, '天', 1, None),
    ('10~20家', 'number', 'range', 10, 20, '家', 1, None),
    ('10～20家', 'number', 'range', 10, 20, '家', 1, None),
    ('3至5个工作日', 'number', 'range', 3, 5, '工作日', 1, None),
    ('5到10人', 'number', 'range', 5, 10, '人', 1, None),
    ('不低于90%且不高于95%', 'percent', 'range', 90, 95, '%', 1, None),
    ('90%以上100%以下', 'percent', 'range', 90, 100, '%', 1, None),
    ('10项以上，20项以下', 'number', 'range', 10, 20, '项', 1, None),
    ('10—15万元', 'number', 'range', 100000, 150000, '元', 10000, None),
    ('20-30万元之间', 'number', 'range', 200000, 300000, '元', 10000, None),
    # number forms: full-width, thousands, decimals, signs
    ('１００％', 'percent', '=', 100, None, '%', 1, None),
    ('１３０００批次', 'number', '=', 13000, None, '批次', 1, None),
    ('95％', 'percent', '=', 95, None, '%', 1, None),
    ('1,000元', 'number', '=', 1000, None, '元', 1, None),
    ('12,345人次', 'number', '=', 12345, None, '人次', 1, None),
    ('0.5%', 'percent', '=', 0.5, None, '%', 1, None),
    ('99.5%', 'percent', '=', 99.5, None, '%', 1, None),
    ('100.00%', 'percent', '=', 100, None, '%', 1, None),
    ('0', 'number', '=', 0, None, None, 1, None),
    ('0%', 'percent', '=', 0, None, '%', 1, None),
    ('0.00', 'number', '=', 0, None, None, 1, None),
    ('-5%', 'percent', '=', -5, None, '%', 1, None),
    ('1080', 'number', '=', 1080, None, None, 1, None),
    ('同比增长10%', 'percent', '=', 10, None, '%', 1, None),
    ('提高2个百分点', 'percent', '=', 2, None, '百分点', 1, None),
    # Chinese numerals (cn2an plus numerals.tsv)
    ('八成以上', 'percent', '>=', 80, None, '%', 10, None),
    ('半年', 'number', '=', 0.5, None, '年', 1, None),
    ('半小时', 'number', '=', 0.5, None, '小时', 1, None),
    ('两百人', 'number', '=', 200, None, '人', 1, None),
    ('一千零五十户', 'number', '=', 1050, None, '户', 1, None),
    ('二十五个', 'number', '=', 25, None, '个', 1, None),
    ('五十万元', 'number', '=', 500000, None, '元', 10000, None),
    ('三点五吨', 'number', '=', 3.5, None, '吨', 1, None),
    ('十', 'number', '=', 10, None, None, 1, None),
    ('十二', 'number', '=', 12, None, None, 1, None),
    ('百分之百', 'percent', '=', 100, None, '%', 1, None),
    ('百分之九十五以上', 'percent', '>=', 95, None, '%', 1, None),
    # scale words: applied to the value, kept in scale
    ('1.5亿元', 'number', '=', 150000000, None, '元', 100000000, None),
    ('3千元', 'number', '=', 3000, None, '元', 1000, None),
    ('10万户', 'number', '=', 100000, None, '户', 10000, None),
    ('2.5万人次', 'number', '=', 25000, None, '人次', 10000, None),
    ('3千万元', 'number', '=', 30000000, None, '元', 10000000, None),
    ('1000万元以上', 'number', '>=', 10000000, None, '元', 10000, None),
    ('≥1000万元', 'number', '>=', 10000000, None, '元', 10000, None),
    ('5万元/人', 'number', '=', 50000, None, '元/人', 10000, None),
    # units and measure words
    ('8所', 'number', '=', 8, None, '所', 1, None),
    ('120公里', 'number', '=', 120, None, '公里', 1, None),
    ('400平方米', 'number', '=', 400, None, '平方米', 1, None),
    ('400平米', 'number', '=', 400, None, '平方米', 1, None),
    ('500亩', 'number', '=', 500, None, '亩', 1, None),
    ('20吨', 'number', '=', 20, None, '吨', 1, None),
    ('800元', 'number', '=', 800, None, '元', 1, None),
    ('33台套', 'number', '=', 33, None, '台套', 1, None),
    ('6场', 'number', '=', 6, None, '场', 1, None),
    ('10篇', 'number', '=', 10, None, '篇', 1, None),
    ('3期', 'number', '=', 3, None, '期', 1, None),
    ('2倍', 'number', '=', 2, None, '倍', 1, None),
    ('15辆', 'number', '=', 15, None, '辆', 1, None),
    ('1000株', 'number', '=', 1000, None, '株', 1, None),
    ('60课时', 'number', '=', 60, None, '课时', 1, None),
    ('5个月', 'number', '=', 5, None, '个月', 1, None),
    ('2年', 'number', '=', 2, None, '年', 1, None),
    ('30分钟', 'number', '=', 30, None, '分钟', 1, None),
    ('10座', 'number', '=', 10, None, '座', 1, None),
    ('800元/件', 'number', '=', 800, None, '元/件', 1, None),
    ('不少于2次/年', 'number', '>=', 2, None, '次/年', 1, None),
    ('1次/月', 'number', '=', 1, None, '次/月', 1, None),
    ('≤3‰', 'percent', '<=', 3, None, '‰', 1, None),
    ('第1名', 'number', '=', 1, None, '名', 1, None),
    ('＜10/10万', 'number', '<', 10, None, '/10万', 1, None),
    ('≤15/10万', 'number', '<=', 15, None, '/10万', 1, None),
    ('一千瓦时', 'number', '=', 1, None, '千瓦时', 1, None),
    ('500千瓦时', 'number', '=', 500, None, '千瓦时', 1, None),
    ('5千米', 'number', '=', 5000, None, '米', 1000, None),
    ('3300元/生·年', 'number', '=', 3300, None, '元/生·年', 1, None),
    ('≤150元/人', 'number', '<=', 150, None, '元/人', 1, None),
    ('≤38微克/立方米', 'number', '<=', 38, None, '微克/立方米', 1, None),
    ('≤0.5毫克/升', 'number', '<=', 0.5, None, '毫克/升', 1, None),
    ('≥8.6万人次', 'number', '>=', 86000, None, '人次', 10000, None),
    ('≥1.1亿人次', 'number', '>=', 110000000, None, '人次', 100000000, None),
    ('考后25日内', 'number', '<=', 25, None, '日', 1, None),
    ('较上年提高2个百分点', 'percent', '=', 2, None, '百分点', 1, None),
    # dates: the last day of the period named, op <= with 前/之前/以前/内
    ('2021年12月31日前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年12月31日', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年12月', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年年底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年6月底', 'date', '=', None, None, None, None, dt.date(2021, 6, 30)),
    ('2021年上半年', 'date', '=', None, None, None, None, dt.date(2021, 6, 30)),
    ('2021年第三季度', 'date', '=', None, None, None, None, dt.date(2021, 9, 30)),
    ('第四季度', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('三季度末', 'date', '=', None, None, None, None, dt.date(2021, 9, 30)),
    ('年内', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年内', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('12月底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('十二月底前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('6月30日前', 'date', '<=', None, None, None, None, dt.date(2021, 6, 30)),
    ('2021.12.31', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021-12-31前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021/6/30', 'date', '=', None, None, None, None, dt.date(2021, 6, 30)),
    ('2022年3月31日之前', 'date', '<=', None, None, None, None, dt.date(2022, 3, 31)),
    ('2021年12月31日以前', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('不晚于2021年12月31日', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2021年11月下旬', 'date', '=', None, None, None, None, dt.date(2021, 11, 30)),
    ('10月上旬', 'date', '=', None, None, None, None, dt.date(2021, 10, 10)),
    ('2021年1月-12月', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('1月至12月', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('年底', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('年末', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('下半年', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('第一季度', 'date', '=', None, None, None, None, dt.date(2021, 3, 31)),
    ('2021年9月底前完成', 'date', '<=', None, None, None, None, dt.date(2021, 9, 30)),
    ('2021年度', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    # durations
    ('7天内', 'number', '<=', 7, None, '天', 1, None),
    ('15个工作日内', 'number', '<=', 15, None, '工作日', 1, None),
    ('30分钟以内', 'number', '<=', 30, None, '分钟', 1, None),
    ('1小时', 'number', '=', 1, None, '小时', 1, None),
    ('2年内', 'number', '<=', 2, None, '年', 1, None),
    # bracketed notes stay in raw and are never the value
    ('100%（含）以上', 'percent', '>=', 100, None, '%', 1, None),
    ('95%（按国家标准）', 'percent', '=', 95, None, '%', 1, None),
    ('1名(兼职)', 'number', '=', 1, None, '名', 1, None),
    # units real tables write: Latin symbols, compound and bracketed units, traditional forms
    ('2km', 'number', '=', 2, None, 'km', 1, None),
    ('≥100Mbps', 'number', '>=', 100, None, 'Mbps', 1, None),
    ('5起', 'number', '=', 5, None, '起', 1, None),
    ('60周岁以上', 'number', '>=', 60, None, '周岁', 1, None),
    ('12种次', 'number', '=', 12, None, '种次', 1, None),
    ('300元/人*月', 'number', '=', 300, None, '元/人*月', 1, None),
    ('2个（台）', 'number', '=', 2, None, '个(台)', 1, None),
    ('5万册(件)', 'number', '=', 50000, None, '册(件)', 10000, None),
    ('3億元', 'number', '=', 300000000, None, '元', 100000000, None),
    ('2.5萬人次', 'number', '=', 25000, None, '人次', 10000, None),
    ('兩個', 'number', '=', 2, None, '個', 1, None),
    ('不低於90%', 'percent', '>=', 90, None, '%', 1, None),
    ('3個工作日以內', 'number', '<=', 3, None, '工作日', 1, None),
    ('=95百分比', 'percent', '=', 95, None, '%', 1, None),
    ('100m2', 'number', '=', 100, None, 'm2', 1, None),
    ('≥ 100 km', 'number', '>=', 100, None, 'km', 1, None),
    ('60km/h', 'number', '=', 60, None, 'km/h', 1, None),
    ('100㎡', 'number', '=', 100, None, '平方米', 1, None),
    ('≥200人·次', 'number', '>=', 200, None, '人·次', 1, None),
    ('530元/人.月', 'number', '=', 530, None, '元/人.月', 1, None),
    ('≥1（次）', 'number', '>=', 1, None, '次', 1, None),
    ('90分以上', 'number', '>=', 90, None, '分', 1, None),
    ('≥1次/季度', 'number', '>=', 1, None, '次/季度', 1, None),
    ('十分满意', 'text', None, None, None, None, None, None),
    ('三分之一', 'text', None, None, None, None, None, None),
    # a measure word no table lists, right after a number where the value ends
    ('3眼', 'number', '=', 3, None, '眼', 1, None),
    ('≥5口', 'number', '>=', 5, None, '口', 1, None),
    ('10万尾以上', 'number', '>=', 100000, None, '尾', 10000, None),
    ('100强企业', 'number', '=', 100, None, None, 1, None),
    ('一次性补助500元', 'number', '=', 500, None, '元', 1, None),
    # date spans: the last day of the span's last period
    ('2021.01-2021.12', 'date', '<=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2020.10-2021.3', 'date', '<=', None, None, None, None, dt.date(2021, 3, 31)),
    ('2022.3.1-6.30', 'date', '<=', None, None, None, None, dt.date(2022, 6, 30)),
    ('2020年1月--2020年11月', 'date', '<=', None, None, None, None, dt.date(2020, 11, 30)),
    ('2021年3月——2021年10月', 'date', '<=', None, None, None, None, dt.date(2021, 10, 31)),
    ('2023年1-12月', 'date', '<=', None, None, None, None, dt.date(2023, 12, 31)),
    ('2022-2023年', 'date', '<=', None, None, None, None, dt.date(2023, 12, 31)),
    ('2023-12', 'date', '=', None, None, None, None, dt.date(2023, 12, 31)),
    ('2023.12前', 'date', '<=', None, None, None, None, dt.date(2023, 12, 31)),
    ('2023.12', 'number', '=', 2023.12, None, None, 1, None),
    ('2021-12-31 00:00:00', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('2023年12月31', 'date', '=', None, None, None, None, dt.date(2023, 12, 31)),
    ('2023年6月30前', 'date', '<=', None, None, None, None, dt.date(2023, 6, 30)),
    ('5-10年', 'number', 'range', 5, 10, '年', 1, None),
    # a spreadsheet's serial date in the grouped number format, at a month end near the fiscal year
    ('44,561', 'date', '=', None, None, None, None, dt.date(2021, 12, 31)),
    ('44,196', 'date', '=', None, None, None, None, dt.date(2020, 12, 31)),
    ('44,560', 'number', '=', 44560, None, None, 1, None),
    ('44561', 'number', '=', 44561, None, None, 1, None),
    ('44,561人', 'number', '=', 44561, None, '人', 1, None),
    # sentences: a number naming an event is no value; a whole in parts is their total
    ('1-6期培训结束后及时考核', 'text', None, None, None, None, None, None),
    ('验收后3个月内', 'number', '<=', 3, None, '个月', 1, None),
    ('100%完成后续管护', 'percent', '=', 100, None, '%', 1, None),
    ('服务对象:城镇300人,农村500人', 'number', '=', 800, None, '人', 1, None),
    ('服务对象:城镇300人,农村5%', 'text', None, None, None, None, None, None),
    # not understood: text, value None (these warn: they hold a digit)
    ('省级5个、国家级1个', 'text', None, None, None, None, None, None),
    ('2020年度申请量11000件', 'text', None, None, None, None, None, None),
    ('2月30日前', 'text', None, None, None, None, None, None),
    ('2021年13月', 'text', None, None, None, None, None, None),
    ('6/30', 'text', None, None, None, None, None, None),
    ('1/3', 'text', None, None, None, None, None, None),
]


def test_the_table_has_at_least_150_distinct_values() -> None:
    texts = [row[0] for row in ROWS]
    assert len(set(texts)) == len(texts) >= 150


@pytest.mark.parametrize(("text", "kind", "op", "value", "value_max", "unit", "scale", "date"), ROWS)
def test_value_is_typed(text, kind, op, value, value_max, unit, scale, date) -> None:
    assert parse_value(text, year=FISCAL_YEAR) == ParsedValue(
        raw=text, kind=kind, op=op, value=value, value_max=value_max, unit=unit, scale=scale, date=date
    )


@pytest.mark.parametrize(("text", "number_type"), [
    ("13000批次", int), ("100.00%", int), ("41万台件", int), ("5.5份/千人", float), ("99.5%", float),
])
def test_value_is_int_when_integral_else_float(text: str, number_type: type) -> None:
    assert type(parse_value(text).value) is number_type


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "\n\t"])
def test_blank_cell_is_empty(text: str) -> None:
    assert parse_value(text) == ParsedValue(raw="", kind="empty")


def test_raw_is_the_text_trimmed() -> None:
    assert parse_value("  95%以上\u3000").raw == "95%以上"


@pytest.mark.parametrize(("text", "kind", "op", "date"), [
    ("年底前", "date", "<=", None),
    ("12月31日前", "date", "<=", None),
    ("上半年", "date", "=", None),
    ("2021年12月底前", "date", "<=", dt.date(2021, 12, 31)),
])
def test_date_without_year_needs_the_fiscal_year(text, kind, op, date) -> None:
    parsed = parse_value(text, year=None)
    assert (parsed.kind, parsed.op, parsed.date) == (kind, op, date)


def test_year_comes_from_the_argument() -> None:
    assert parse_value("年底前", year=2024).date == dt.date(2024, 12, 31)
    assert parse_value("44,561", year=2024).kind == "number"  # 2021-12-31 is too far from 2024
    assert parse_value("44,561", year=None).date == dt.date(2021, 12, 31)
    assert parse_value("第三季度末", year=2020).date == dt.date(2020, 9, 30)


# Layout (c): the 指标性质 and 度量单位 columns are part of the value.
@pytest.mark.parametrize(("text", "nature", "unit", "kind", "op", "value", "unit_out", "scale"), [
    ("95", "≥", "%", "percent", ">=", 95, "%", 1),
    ("3", "≤", "个工作日", "number", "<=", 3, "工作日", 1),
    ("194.88", "=", "万元", "number", "=", 1948800, "元", 10000),
    ("100", "＝", "家", "number", "=", 100, "家", 1),
    ("5", "<", "‰", "percent", "<", 5, "‰", 1),
    ("90%", "≥", "%", "percent", ">=", 90, "%", 1),
    ("13000批次", "≥", "次", "number", ">=", 13000, "批次", 1),
    ("10", "大于等于", "篇次", "number", ">=", 10, "篇次", 1),
    ("2", "≥", "元/人", "number", ">=", 2, "元/人", 1),
    ("良好", "定性", None, "text", None, None, None, None),
    ("100%", "定性", "%", "text", None, None, None, None),
    ("80", None, "%", "percent", "=", 80, "%", 1),
    ("1-2", "≥", "%", "percent", "range", 1, "%", 1),
    ("44,561", None, "万元", "number", "=", 445610000, "元", 10000),
    ("500", None, "万元/人*月", "number", "=", 5000000, "元/人*月", 10000),
    ("5", "≥", "百分比", "percent", ">=", 5, "%", 1),
    ("12", None, "件(册)", "number", "=", 12, "件(册)", 1),
    ("44,561", None, "44,561", "date", "=", None, None, None),
])
def test_budget_system_columns(text, nature, unit, kind, op, value, unit_out, scale) -> None:
    parsed = parse_value(text, nature=nature, unit=unit)
    assert (parsed.kind, parsed.op, parsed.value, parsed.unit, parsed.scale) == (
        kind, op, value, unit_out, scale,
    )
    assert parsed.raw == text


@pytest.mark.parametrize(("text", "nature", "unparsed"), [
    ("省级5个、国家级1个", None, True),
    ("2021年13月", None, True),
    ("有效提升", None, False),
    ("是", None, False),
    ("", None, False),
    ("95%以上", None, False),
    ("达到国家3级标准", "定性", False),
])
def test_unparsed_means_text_that_holds_a_digit(text: str, nature: str | None, unparsed: bool) -> None:
    assert is_unparsed(parse_value(text, nature=nature), nature=nature) is unparsed


@pytest.mark.parametrize(("nature", "kind", "op"), [
    ("正向 ≥", "number", ">="),
    ("定量 ≤", "number", "<="),
    ("反向 =", "number", "="),
    ("定性 =", "text", None),
])
def test_several_nature_columns_joined_the_first_that_states_wins(nature, kind, op) -> None:
    parsed = parse_value("24", nature=nature)
    assert (parsed.kind, parsed.op) == (kind, op)


def test_a_comparison_written_in_the_cell_outlasts_a_qualitative_nature() -> None:
    parsed = parse_value("95%以上", nature="定性")
    assert (parsed.kind, parsed.op, parsed.value, parsed.unit) == ("percent", ">=", 95, "%")
