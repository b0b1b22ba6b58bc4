"""The template families real offices publish (issue 10), as grid sketches patterned on the
published tables in tests/realworld/data: each test names the family and the file it comes from."""

from __future__ import annotations

from jixiao.extract.model import Paragraph
from jixiao.extract.project_tables import read_projects
from model_builder import table


def _one(rows, paragraphs=()):
    scan = read_projects([*paragraphs, table(0, rows)])
    (project,) = scan.projects
    return project, scan.warnings


def test_two_row_header_takes_the_target_not_last_years_result() -> None:
    """指标值 over 2021年实际实现值 | 预期2022年实现值 (real_08, Huangshi)."""
    project, _ = _one([
        ["项目名称", "主体班", "<", "项目负责人", "<", "<", "<"],
        ["项目金额", "164万元", "<", "其中:当年市级财政资金", "132万元", "<", "<"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "<", "指标标准或依据"],
        ["^", "^", "^", "^", "2021年实际实现值", "预期2022年实现值", "^"],
        ["^", "产出指标", "数量指标", "主体班培训人次", "260人次", "280人次", ""],
        ["^", "^", "质量指标", "培训完成率", "", "100%", ""],
        ["财政资金管理科室(盖章)", "<", "<", "<", "财政绩效管理科室(盖章)", "<", "<"],
    ])
    assert (project.name, project.budget_total, project.budget_fiscal) == ("主体班", "164万元", "132万元")
    assert [(i.level2, i.name, i.raw, i.extra) for i in project.indicators] == [
        ("数量指标", "主体班培训人次", "280人次", (("指标值/2021年实际实现值", "260人次"),)),
        ("质量指标", "培训完成率", "100%", ()),
    ]


def test_long_term_and_annual_blocks_side_by_side() -> None:
    """二级指标(长期) … 指标值(年度) (real_09, Wuhan Qingshan); 总体目标 over 中期目标 | 年度目标."""
    project, _ = _one([
        ["项目名称", "教育系统基础设施建设", "<", "<", "<", "<", "<"],
        ["主管部门/及编码", "[015001]武汉市青山区教育局", "<", "<", "实施单位", "武汉市青山区教育局", "<"],
        ["总体目标", "中期目标", "<", "<", "年度目标", "<", "<"],
        ["^", "全面提升育人质量", "<", "", "完成重点项目建设", "<", ""],
        ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"],
        ["产出指标", "数量指标", "新建学校", "5所", "数量指标", "重点建设工程安排数量", "2"],
        ["效益指标", "社会效益指标", "", "", "社会效益指标", "基础教育学校办学条件", "持续改善"],
    ])
    assert (project.department, project.goal) == ("[015001]武汉市青山区教育局", "完成重点项目建设")
    assert [(i.level1, i.level2, i.name, i.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "重点建设工程安排数量", "2"),
        ("效益指标", "社会效益指标", "基础教育学校办学条件", "持续改善"),
    ]
    assert [(i.level1, i.level2, i.name, i.raw) for i in project.long_term_indicators] == [
        ("产出指标", "数量指标", "新建学校", "5所"),
    ]


def test_repeated_blocks_without_words_take_the_last_as_annual_and_split_the_money() -> None:
    """中期资金总额 | 年度资金总额 with 财政拨款 under each, blocks repeated (real_37, Lu'an)."""
    project, _ = _one([
        ["项目名称", "农产品质检体系建设", "<", "<", "<", "<", "<", "<"],
        ["项目资金(万元)", "中期资金总额:", "68.50", "年度资金总额:", "51.35", "<", "<", "<"],
        ["^", "其中:财政拨款", "68.50", "其中:财政拨款", "51.35", "<", "<", "<"],
        ["^", "其他资金", "0.00", "其他资金", "0.00", "<", "<", "<"],
        ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
        ["^", "产出指标", "数量指标", "三年抽检批次", "≥300组", "数量指标", "监督抽检批次", "≥100组"],
    ])
    assert (project.budget_total, project.budget_fiscal, project.budget_other, project.budget_midterm) == (
        "51.35", "51.35", "0.00", "68.50")
    assert [(i.level1, i.name, i.raw) for i in project.indicators] == [("产出指标", "监督抽检批次", "≥100组")]
    assert [(i.level1, i.name, i.raw) for i in project.long_term_indicators] == [("产出指标", "三年抽检批次", "≥300组")]


def test_first_level_column_holding_second_level_labels() -> None:
    """一级指标 | 二级指标 | 绩效标准 | 当年预期实现值, the 一级 column holding 数量指标 (real_07, Ezhou)."""
    project, _ = _one([
        ["项目名称", "办公大楼运行保障", "<", "<", "<"],
        ["绩效指标", "<", "<", "<", "保障措施"],
        ["一级指标", "二级指标", "<", "绩效标准", "当年预期实现值"],
        ["数量指标", "日常维修维护次数", "<", "反映维修维护情况", "2280次"],
        ["^", "大楼安检巡察次数", "<", "反映巡检情况", "200次"],
        ["质量指标", "维修验收合格率", "<", "反映维修质量", ">92%"],
        ["成本指标", "成本控制率", "<", "", "不超预算"],
    ])
    assert [(i.level1, i.level2, i.name, i.raw) for i in project.indicators] == [
        (None, "数量指标", "日常维修维护次数", "2280次"),
        (None, "数量指标", "大楼安检巡察次数", "200次"),
        (None, "质量指标", "维修验收合格率", ">92%"),
        (None, "成本指标", "成本控制率", "不超预算"),
    ]


def test_grid_without_levels_with_weight_unit_and_nature_columns() -> None:
    """指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 (real_14, Tongnan): fields under other labels too."""
    project, warnings = _one([
        ["编制单位:", "813-潼南区五桂镇", "<", "<", "单位:万元", "<"],
        ["专项资金名称", "在职村村干部补助", "<", "<", "<", "<"],
        ["业务主管部门", "813-潼南区五桂镇", "<", "当年预算", "9.31", "<"],
        ["当年绩效目标", "按月及时足额发放。", "<", "<", "<", "<"],
        ["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
        ["^", "按月发放", "20", "次", "=", "1"],
        ["^", "本土人才满意度", "10", "%", "≥", "95"],
        ["^", "促进经济发展", "20", "", "定性", ""],
    ])
    assert (project.name, project.department, project.budget_total, project.budget_unit, project.goal) == (
        "在职村村干部补助", "813-潼南区五桂镇", "9.31", "万元", "按月及时足额发放。")
    assert [(i.level1, i.name, i.weight, i.unit, i.nature, i.raw) for i in project.indicators] == [
        (None, "按月发放", "20", "次", "=", "1"),
        (None, "本土人才满意度", "10", "%", "≥", "95"),
        (None, "促进经济发展", "20", None, "定性", ""),
    ]
    assert warnings == ()


def test_op_in_a_direction_column_beside_the_nature_column() -> None:
    """指标性质 (正向) | 指标方向 (=) | 目标值 | 计量单位 | 分值 (real_17, Wuhai)."""
    project, _ = _one([
        ["项目名称", "再生资源回收市场管理经费", "<", "<", "<", "<", "<", "<", "<"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"],
        ["^", "产出指标", "数量指标", "出差人次", "正向", "=", "24", "人/次", "4"],
    ])
    (i,) = project.indicators
    assert (i.name, i.nature, i.raw, i.unit, i.weight) == ("出差人次", "正向 =", "24", "人/次", "4")


def test_traditional_labels_and_a_department_table() -> None:
    """部門(單位)名稱 … 指標值類型 | *指標值 | 計量單位 | *指標解釋 (real_06, a mirror site)."""
    project, _ = _one([
        ["部門(單位)名稱", "岳陽樓區價格認證鑒定中心", "<", "<", "<", "<"],
        ["*年度總體績效目標", "做好價格認定工作。", "<", "<", "<", "<"],
        ["一級指標", "二級指標", "三級指標", "指標值類型", "*指標值", "計量單位"],
        ["產\n出\n指\n標", "質量指標", "業務工作支出到位率", "定量", "100", "%"],
    ])
    assert (project.name, project.department, project.goal, project.layout) == (
        "岳陽樓區價格認證鑒定中心部门整体支出", "岳陽樓區價格認證鑒定中心", "做好價格認定工作。", "department")
    (i,) = project.indicators
    assert (i.level1, i.level2, i.name, i.nature, i.raw, i.unit) == (
        "產\n出\n指\n標", "質量指標", "業務工作支出到位率", "定量", "100", "%")


def test_garbled_category_header_and_a_name_column_headed_like_a_side_label() -> None:
    """??效指標分類 | 績效指標 | 績效指標描述 | 評價標準 over 優 良 中 差 (real_26, Handan)."""
    project, _ = _one([
        ["績效目標", "保障農村低保金的發放", "<", "<", "<", "<", "<", "<"],
        ["???效指標分類", "績效指標", "績效指標描述", "績效指標評價標準", "<", "<", "<", "評價標準確定依據"],
        ["^", "^", "^", "優", "良", "中", "差", "^"],
        ["產出指標", "救助覆蓋率", "是否應救盡救", "100%", "90%", "85%", "85%", "按臨時救助標準評價"],
        ["效果指標", "救助對象滿意度", "問卷調查", "85%", "80%", "70%", "70%", "按服務對象滿"],
    ])
    assert project.goal == "保障農村低保金的發放"
    assert [(i.level1, i.name, i.description, i.raw, i.basis) for i in project.indicators] == [
        ("產出指標", "救助覆蓋率", "是否應救盡救", "100%", "按臨時救助標準評價"),
        ("效果指標", "救助對象滿意度", "問卷調查", "85%", "按服務對象滿"),
    ]


def test_all_fiscal_money_label_and_an_amount_with_its_own_scale() -> None:
    """项目支出名称 | 预算部门; 年度本级预算金额 250万 (real_01, Xiangtan)."""
    project, _ = _one([
        ["项目支出名称", "雾炮车降尘抑尘服务", "<", "预算部门", "湘潭市环境卫生管理处", "<"],
        ["年度本级 预算金额", "250万", "<", "该项目支出上级资金", "0", "<"],
        ["项目支出实施期", "2023.07-2024.01", "<", "<", "<", "<"],
        ["实施期绩效目标", "服务周期内空气质量优良", "<", "<", "<", "<"],
        ["本年度绩效目标", "全市空气质量达到优良", "<", "<", "<", "<"],
        ["本年度\n绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"],
        ["^", "产出指标", "数量指标", "配备车辆数", "10辆", "计划标准"],
    ])
    assert (project.name, project.department, project.budget_total, project.budget_fiscal, project.goal) == (
        "雾炮车降尘抑尘服务", "湘潭市环境卫生管理处", "250万", "250万", "全市空气质量达到优良")


def test_a_label_no_table_lists_is_read_by_its_words_and_warned_about() -> None:
    project, warnings = _one([
        ["项目名称", "乡村道路养护", "<", "<"],
        ["项目年度总体绩效目标(文字)", "完成道路养护120公里。", "<", "<"],
        ["项目联络人员", "张三", "<", "<"],
        ["绩效指标", "三级指标", "指标值", "<"],
        ["^", "养护里程", "120公里", "<"],
    ])
    assert project.goal == "完成道路养护120公里。"
    assert [(w.code, w.location.row) for w in warnings] == [("field_unknown", 1), ("field_unknown", 2)]
    assert "read as goal" in warnings[0].message and "'张三' is not read" in warnings[1].message


def test_title_and_year_inside_the_table() -> None:
    from jixiao.extract.metadata import document_info

    rows = [
        ["中央对地方专项转移支付区域绩效目标表", "<", "<"],
        ["（2021年）", "<", "<"],
        ["专项名称", "农村综合改革转移支付", "<"],
        ["绩效指标", "三级指标", "指标值"],
        ["^", "改革试点村", "≥30个"],
    ]
    scan = read_projects([table(0, rows)])
    info = document_info([table(0, rows)], scan.projects)
    assert (info.title, info.fiscal_year) == ("中央对地方专项转移支付区域绩效目标表", 2021)
    assert [p.name for p in scan.projects] == ["农村综合改革转移支付"]


def test_a_year_line_that_lost_its_bracket() -> None:
    from jixiao.extract.metadata import document_info

    blocks = [Paragraph("项目支出绩效目标表"), Paragraph("2020年度)"), table(0, [
        ["项目名称", "设备购置", "<"], ["绩效指标", "三级指标", "指标值"], ["^", "购置台数", "5台"]])]
    info = document_info(blocks, read_projects(blocks).projects)
    assert (info.title, info.fiscal_year) == ("项目支出绩效目标表", 2020)


def test_a_grid_under_a_header_no_table_lists_is_read_by_its_content() -> None:
    project, warnings = _one([
        ["项目名称", "森林防火巡护", "<", "<"],
        ["考核维度", "考核类别", "考核内容", "预期成效"],
        ["产出指标", "数量指标", "巡护里程", "≥1200公里"],
        ["^", "时效指标", "巡护完成时间", "2024年11月底前"],
        ["满意度指标", "服务对象满意度指标", "林农满意度", "≥90%"],
    ])
    assert [(i.level1, i.level2, i.name, i.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "巡护里程", "≥1200公里"),
        ("产出指标", "时效指标", "巡护完成时间", "2024年11月底前"),
        ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%"),
    ]
    assert [(w.code, w.location.row) for w in warnings] == [("label_unknown", 2)]


def test_one_row_per_indicator_export_starts_a_project_where_the_name_changes() -> None:
    """单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 … on every row (a Sichuan county's export)."""
    scan = read_projects([Paragraph("金额单位:元"), table(0, [
        ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["820-马踏镇部门", "820-马踏镇部门", "8,827,620.53", "", "", "", "", "", "", ""],
        ["820001-马踏镇人民政府", "村组干部报酬", "3,309,840.00", "按时发放报酬", "产出指标", "数量指标", "村组干部", "≥", "230", "人"],
        ["820001-马踏镇人民政府", "村组干部报酬", "3,309,840.00", "按时发放报酬", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%"],
        ["820001-马踏镇人民政府", "基层组织活动经费", "660,000.00", "保障办公经费", "效益指标", "社会效益指标", "基层组织运转", "=", "100", "%"],
    ])])
    assert [(p.name, p.department, p.budget_total, p.budget_unit, p.goal, len(p.indicators)) for p in scan.projects] == [
        ("村组干部报酬", "820001-马踏镇人民政府", "3,309,840.00", "元", "按时发放报酬", 2),
        ("基层组织活动经费", "820001-马踏镇人民政府", "660,000.00", "元", "保障办公经费", 1),
    ]
    assert [(i.name, i.nature, i.raw, i.unit) for i in scan.projects[1].indicators] == [("基层组织运转", "=", "100", "%")]


def test_a_header_met_again_lower_in_another_table_reads_the_same() -> None:
    """Headers read once are reused (a batch repeats its template's header); each keeps its own row."""
    first = [["项目名称", "甲", "<"], ["三级指标", "指标值", "备注"], ["培训人次", "≥500人次", ""]]
    second = [["项目名称", "乙", "<"], ["项目编码", "X2", "<"], ["三级指标", "指标值", "备注"],
              ["检查户数", "≥30户", "抽查"]]
    scan = read_projects([table(0, first), table(1, second)])
    assert [(p.name, [(i.name, i.raw, i.location.row, i.extra) for i in p.indicators]) for p in scan.projects] == [
        ("甲", [("培训人次", "≥500人次", 2, ())]),
        ("乙", [("检查户数", "≥30户", 3, (("备注", "抽查"),))]),
    ]
